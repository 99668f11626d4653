package com.amply.policysuite.access;

import java.util.List;

/**
 * One-call entry points that compile and check, turning an unanalysable policy into a FAIL answer. Use
 * {@link CompiledPolicy} directly to compile once and ask many questions.
 */
public final class AccessAnalyzer {
    private AccessAnalyzer() {
    }

    public static AccessCheckResult checkAccessNotGranted(PolicyInput policy, List<AccessEntry> access, Budget budget) {
        return checkAccessNotGranted(policy, access, budget, ActionCatalog.none());
    }

    public static AccessCheckResult checkAccessNotGranted(PolicyInput policy, List<AccessEntry> access, Budget budget,
            ActionCatalog catalog) {
        Compilation compilation = CompiledPolicy.compile(policy, budget, catalog);
        if (compilation instanceof Compilation.Compiled compiled) {
            return compiled.policy().checkAccessNotGranted(access);
        }
        Compilation.Unanalysable failed = (Compilation.Unanalysable) compilation;
        if (failed.kind() == Compilation.Kind.TOO_COMPLEX) {
            return CompiledPolicy.tooComplexAccess(failed.detail());
        }
        return new AccessCheckResult(CheckResult.FAIL, false, "The policy cannot be analysed: " + failed.detail()
                + "; treated as FAIL.", List.of(Reason.general("Unsupported input: " + failed.detail())),
                java.util.Optional.empty(), java.util.Optional.empty());
    }

    /** AWS {@code CheckNoNewAccess}: FAIL when {@code updated} may grant access {@code existing} does not. */
    public static NoNewAccessResult checkNoNewAccess(PolicyInput existing, PolicyInput updated, Budget budget) {
        return diff(existing, updated, budget, ActionCatalog.none(), true).added();
    }

    /** Both directions, compiling each policy once. */
    public static PolicyDiff diff(PolicyInput existing, PolicyInput updated, Budget budget, ActionCatalog catalog) {
        return diff(existing, updated, budget, catalog, false);
    }

    private static PolicyDiff diff(PolicyInput existing, PolicyInput updated, Budget budget, ActionCatalog catalog,
            boolean addedOnly) {
        Compilation before = CompiledPolicy.compile(existing, budget, catalog);
        Compilation after = CompiledPolicy.compile(updated, budget, catalog);
        if (before instanceof Compilation.Compiled b && after instanceof Compilation.Compiled a) {
            NoNewAccessResult added = a.policy().newAccessComparedTo(b.policy());
            NoNewAccessResult removed = addedOnly ? null : a.policy().removedAccessComparedTo(b.policy());
            return new PolicyDiff(added, removed);
        }
        Compilation.Unanalysable failed = (Compilation.Unanalysable)
                (before instanceof Compilation.Unanalysable ? before : after);
        NoNewAccessResult unknown = failed.kind() == Compilation.Kind.TOO_COMPLEX
                ? CompiledPolicy.tooComplexChange(failed.detail())
                : new NoNewAccessResult(CheckResult.FAIL, false, "A policy cannot be analysed: " + failed.detail()
                        + "; treated as FAIL.", List.of(Reason.general("Unsupported input: " + failed.detail())),
                        java.util.Optional.empty(), java.util.Optional.empty());
        return new PolicyDiff(unknown, addedOnly ? null : unknown);
    }
}
