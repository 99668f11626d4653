package com.amply.policysuite.change;

import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.CheckResult;
import com.amply.policysuite.access.Compilation;
import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.Effect;
import com.amply.policysuite.access.NoNewAccessResult;
import com.amply.policysuite.access.PolicyInput;
import com.amply.policysuite.access.Reason;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.policy.ForbiddenAccess;
import com.amply.policysuite.policy.PolicyDocuments;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.LiveRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change adds: each role's combined policies and each task definition's secret references in the working
 * tree, compared with the base revision. Pure: two loaded repositories in, the differences and the IAM025 findings
 * out. New and removed access come from the offline analyzer ({@code newAccessComparedTo},
 * {@code removedAccessComparedTo}); new access to prod secrets is the new access of both versions restricted to
 * {@code secretsmanager:*} on {@code <app>/prod/*}, so a change that widens an existing prod grant is caught too.
 */
public record RepositoryChange(List<RoleChange> roles, List<String> removedRoles,
                               List<SecretReferenceChange> secretReferences, List<PolicyFileChange> changedPolicies,
                               List<Finding> findings) {
    /** The environment whose secrets a change must not newly reach without a waiver. */
    public static final String PROD = "prod";

    public RepositoryChange {
        roles = List.copyOf(roles);
        removedRoles = List.copyOf(removedRoles);
        secretReferences = List.copyOf(secretReferences);
        changedPolicies = List.copyOf(changedPolicies);
        findings = List.copyOf(findings);
    }

    public static RepositoryChange between(RepositoryModel base, RepositoryModel current, String baseRevision,
            Budget budget) {
        List<RoleChange> roles = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Suite suite = current.suite();
        if (suite != null) {
            for (RoleSpec role : suite.roles()) {
                RolePolicy now = current.rolePolicies().get(role.name());
                RolePolicy before = base.rolePolicies().get(role.name());
                if (now == null || before != null && PolicyDocuments.combined(now).equals(PolicyDocuments.combined(before))) {
                    continue;
                }
                RoleChange change = roleChange(suite, role, before, now, budget);
                roles.add(change);
                if (change.newProdAccess() != null) {
                    findings.add(newProdAccessFinding(current, change, baseRevision));
                }
            }
            base.rolePolicies().keySet().stream().filter(name -> suite.role(name).isEmpty()).sorted().forEach(removed::add);
        }
        return new RepositoryChange(roles, removed, secretReferences(base, current), changedPolicies(base, current),
                findings);
    }

    private static RoleChange roleChange(Suite suite, RoleSpec role, RolePolicy before, RolePolicy now, Budget budget) {
        CompiledPolicy after = now.compiled();
        CompiledPolicy prior = before == null ? empty(budget) : before.compiled();
        if (after == null || prior == null) {
            AccessDelta unknown = new AccessDelta("the policies could not be analysed within budget; the change is"
                    + " treated as adding access", null, null, List.of(), true);
            return new RoleChange(role.name(), role.policies(), before == null, unknown, unknown,
                    suite.isEnvironment(PROD) ? unknown : null);
        }
        AccessDelta added = delta(after.newAccessComparedTo(prior), now);
        AccessDelta removedAccess = delta(after.removedAccessComparedTo(prior), before);
        AccessDelta prod = null;
        if (added != null && suite.isEnvironment(PROD)) {
            CompiledPolicy afterProd = prodOnly(suite, after.input(), budget);
            CompiledPolicy priorProd = prodOnly(suite, prior.input(), budget);
            prod = afterProd == null || priorProd == null
                    ? new AccessDelta("the prod part of the policies could not be analysed within budget; treated as new"
                            + " prod access", null, null, added.statements(), true)
                    : readable(suite, delta(afterProd.newAccessComparedTo(priorProd), now), afterProd, priorProd);
        }
        return new RoleChange(role.name(), role.policies(), before == null, added, removedAccess, prod);
    }

    /**
     * The delta with a catalog secret as its example where one is newly reachable with the same action:
     * amply/prod/database-url-Xy12Ab reads better than the analyzer's shortest example, amply/prod/.
     */
    private static AccessDelta readable(Suite suite, AccessDelta delta, CompiledPolicy after, CompiledPolicy prior) {
        if (delta == null || delta.tooComplex() || delta.exampleAction() == null) {
            return delta;
        }
        for (var secret : suite.secrets()) {
            if (!secret.environments().contains(PROD)) {
                continue;
            }
            String arn = suite.secretArn(PROD, secret.name()) + "-Xy12Ab";
            if (after.decide(delta.exampleAction(), arn).allowed() && !prior.decide(delta.exampleAction(), arn).allowed()) {
                return new AccessDelta(delta.message(), delta.exampleAction(), arn, delta.statements(), false);
            }
        }
        return delta;
    }

    private static CompiledPolicy empty(Budget budget) {
        return CompiledPolicy.compile(new PolicyInput(List.of()), budget) instanceof Compilation.Compiled c ? c.policy() : null;
    }

    /**
     * {@code policy} limited to Secrets Manager actions on prod secrets: two Deny statements appended (everything
     * but {@code secretsmanager:*}, and everything outside {@code <app>/prod/*}), so statement indexes stay the same.
     */
    static CompiledPolicy prodOnly(Suite suite, PolicyInput policy, Budget budget) {
        List<AccessStatement> statements = new ArrayList<>(policy.statements());
        int n = statements.size();
        statements.add(new AccessStatement(n, null, Effect.DENY, List.of(ForbiddenAccess.SECRETS_ACTIONS), true,
                List.of("*"), false, Map.of()));
        statements.add(new AccessStatement(n + 1, null, Effect.DENY, List.of("*"), false,
                List.of(ForbiddenAccess.secretsOf(suite, PROD)), true, Map.of()));
        return CompiledPolicy.compile(new PolicyInput(statements), budget) instanceof Compilation.Compiled c ? c.policy() : null;
    }

    /** Null when the result says there is no difference. */
    private static AccessDelta delta(NoNewAccessResult result, RolePolicy where) {
        if (result.result() == CheckResult.PASS) {
            return null;
        }
        List<AccessDelta.Statement> statements = new ArrayList<>();
        if (where != null) {
            for (Reason r : result.reasons()) {
                if (r.statementIndex() >= 0 && r.statementIndex() < where.origins().size()) {
                    RolePolicy.Origin o = where.origins().get(r.statementIndex());
                    AccessDelta.Statement s = new AccessDelta.Statement(o.policy().file(), o.statement().pointer(),
                            o.statement().sid());
                    if (!statements.contains(s)) {
                        statements.add(s);
                    }
                }
            }
        }
        // the shortest resource a "*" grant matches is the empty string; show it as "*" (any resource) instead
        return new AccessDelta(result.message(), result.exampleAction().orElse(null),
                result.exampleResource().map(r -> r.isEmpty() ? "*" : r).orElse(null), statements, result.tooComplex());
    }

    private static Finding newProdAccessFinding(RepositoryModel current, RoleChange change, String baseRevision) {
        AccessDelta prod = change.newProdAccess();
        String file = prod.statements().isEmpty() ? change.policyFiles().get(0) : prod.statements().get(0).file();
        String pointer = prod.statements().isEmpty() ? "" : prod.statements().get(0).pointer();
        SourcePosition at = current.policies().stream().filter(p -> p.file().equals(file)).findFirst()
                .map(Policy::document).map((LocatedDocument d) -> d.positionOf(pointer)).orElse(SourcePosition.UNKNOWN);
        String grants = prod.statements().isEmpty() ? "" : " (granted by " + String.join(", ",
                prod.statements().stream().map(AccessDelta.Statement::label).toList()) + ")";
        return new Finding(LiveRules.NEW_PROD_SECRET_ACCESS.id(), LiveRules.NEW_PROD_SECRET_ACCESS.severity(), file,
                pointer, at.line(), at.column(), "role " + change.role() + " gains access to " + PROD + " secrets compared"
                + " with " + baseRevision + ": " + (prod.tooComplex() ? prod.message() : "e.g. " + prod.example()) + grants
                + "; narrow the statement to the environments the role reads, or waive " + LiveRules.NEW_PROD_SECRET_ACCESS.id()
                + " for " + file + " with a reason and an expiry if the access is intended.");
    }

    /** Policy files in both versions whose content differs, in file order (for CheckNoNewAccess). */
    private static List<PolicyFileChange> changedPolicies(RepositoryModel base, RepositoryModel current) {
        Map<String, Policy> before = new LinkedHashMap<>();
        base.policies().forEach(p -> before.put(p.file(), p));
        List<PolicyFileChange> out = new ArrayList<>();
        for (Policy p : current.policies()) {
            Policy b = before.get(p.file());
            if (b != null && !b.document().root().equals(p.document().root())) {
                out.add(new PolicyFileChange(b, p));
            }
        }
        return out;
    }

    private record Reference(String value, String pointer) {
    }

    private static List<SecretReferenceChange> secretReferences(RepositoryModel base, RepositoryModel current) {
        Map<String, Map<String, List<Reference>>> before = references(base);
        Map<String, Map<String, List<Reference>>> after = references(current);
        TreeSet<String> files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        List<SecretReferenceChange> out = new ArrayList<>();
        for (String file : files) {
            Map<String, List<Reference>> b = before.getOrDefault(file, Map.of());
            Map<String, List<Reference>> a = after.getOrDefault(file, Map.of());
            TreeSet<String> secrets = new TreeSet<>(b.keySet());
            secrets.addAll(a.keySet());
            for (String secret : secrets) {
                List<Reference> was = b.get(secret);
                List<Reference> is = a.get(secret);
                if (was == null) {
                    is.forEach(r -> out.add(new SecretReferenceChange(file, SecretReferenceChange.Kind.ADDED, secret, null,
                            r.value(), r.pointer())));
                } else if (is == null) {
                    was.forEach(r -> out.add(new SecretReferenceChange(file, SecretReferenceChange.Kind.REMOVED, secret,
                            r.value(), null, r.pointer())));
                } else if (!values(was).equals(values(is))) {
                    out.add(new SecretReferenceChange(file, SecretReferenceChange.Kind.CHANGED, secret,
                            String.join(", ", values(was)), String.join(", ", values(is)), is.get(0).pointer()));
                }
            }
        }
        return out;
    }

    private static List<String> values(List<Reference> refs) {
        return refs.stream().map(Reference::value).sorted().toList();
    }

    /** file -> secret name -> its references, in file order. */
    private static Map<String, Map<String, List<Reference>>> references(RepositoryModel model) {
        Map<String, Map<String, List<Reference>>> out = new TreeMap<>();
        for (TaskDefinition td : model.taskDefinitions()) {
            Map<String, List<Reference>> bySecret = new LinkedHashMap<>();
            for (SecretReference ref : td.secretReferences()) {
                String name = ref.name().map(n -> n.fullName())
                        .orElseGet(() -> ref.arn().map(a -> a.secretName()).orElse(ref.variable().value()));
                bySecret.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Reference(Objects.requireNonNull(ref.variable().value()), ref.valueFromPointer()));
            }
            out.put(td.file(), bySecret);
        }
        return out;
    }
}
