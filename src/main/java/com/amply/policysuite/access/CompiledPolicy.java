package com.amply.policysuite.access;

import dk.brics.automaton.Automaton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An identity-based policy compiled to automata over words {@code lower(action) SEP resource}.
 *
 * <p>Sound "can it be granted" semantics: an Allow counts unless its conditions provably never hold (then it grants
 * nothing); a Deny blocks only where it applies unconditionally; policy variables widen an Allow (treated as
 * {@code *}) and narrow a Deny (a Deny pattern with a variable blocks nothing). The compiled language
 * {@code granted = allowed - denied} therefore contains every pair AWS could allow.
 *
 * <p>Compile once with {@link #compile}; {@link #decide} is then a walk over two precompiled tables.
 */
public final class CompiledPolicy {
    static final String GRANTS = "One or more of the listed actions or resources in the statement allows access.";
    private static final String CONDITIONS_NOTE = " The statement has conditions; they were assumed to be"
            + " satisfiable (over-approximation), so AWS may refuse this access in a given request context.";
    private static final String VARIABLES_NOTE = " Policy variables in the statement were treated as matching any"
            + " value (over-approximation).";

    /** Work units the optional whole-policy automaton may take before the policy is analysed statement-wise. */
    static final long WHOLE_POLICY_WORK_CAP = 2_000_000L;

    private final PolicyInput input;
    private final Budget budget;
    private final ActionCatalog catalog;
    private final List<CompiledStatement> statements;
    private final Automaton granted;
    private final WordMatcher allowedRun;
    private final WordMatcher deniedRun;
    private final StatementIndex allowIndex;
    private final StatementIndex denyIndex;
    private final StatementIndex allIndex;
    private final List<CompiledStatement> possibleDenies;
    private long compileWorkUnits;

    private CompiledPolicy(PolicyInput input, Budget budget, ActionCatalog catalog, List<CompiledStatement> statements,
            Automaton granted, WordMatcher allowedRun, WordMatcher deniedRun,
            WorkMeter meter) {
        this.input = input;
        this.budget = budget;
        this.catalog = catalog;
        this.statements = statements;
        this.granted = granted;
        this.allowedRun = allowedRun;
        this.deniedRun = deniedRun;
        List<CompiledStatement> allows = new ArrayList<>();
        List<CompiledStatement> denies = new ArrayList<>();
        List<CompiledStatement> maybe = new ArrayList<>();
        for (CompiledStatement s : statements) {
            if (s.role == Role.ALLOW) {
                allows.add(s);
            } else if (s.role == Role.DENY) {
                denies.add(s);
            }
            if (s.isDeny() && (s.role == Role.CONDITIONAL_DENY || s.hasVariables)) {
                maybe.add(s);
            }
        }
        this.allowIndex = new StatementIndex(allows, meter);
        this.denyIndex = new StatementIndex(denies, meter);
        // (meter == null: no action classifier; the service/action maps serve decide())
        this.allIndex = new StatementIndex(statements, null);
        this.possibleDenies = List.copyOf(maybe);
    }

    // ---------------------------------------------------------------- compile

    public static Compilation compile(PolicyInput policy, Budget budget) {
        return compile(policy, budget, ActionCatalog.none());
    }

    /**
     * Compiles {@code policy} within {@code budget}. The optional {@code catalog} only picks nicer examples.
     * Never throws: budget overruns and unsupported input come back as {@link Compilation.Unanalysable}.
     */
    public static Compilation compile(PolicyInput policy, Budget budget, ActionCatalog catalog) {
        return compile(policy, budget, catalog, true);
    }

    /** Without the optional whole-policy automata and action classifier (tests cover that path with this). */
    static Compilation compileStatementWise(PolicyInput policy, Budget budget) {
        return compile(policy, budget, ActionCatalog.none(), false);
    }

    private static Compilation compile(PolicyInput policy, Budget budget, ActionCatalog catalog, boolean whole) {
        Budget b = budget == null ? Budget.defaults() : budget;
        ActionCatalog c = catalog == null ? ActionCatalog.none() : catalog;
        PolicyInput p = policy == null ? new PolicyInput(List.of()) : policy;
        try {
            WorkMeter meter = new WorkMeter(b);
            CompiledPolicy compiled = build(p, b, c, meter, whole);
            compiled.compileWorkUnits = meter.used();
            return new Compilation.Compiled(compiled);
        } catch (WorkMeter.BudgetExceeded e) {
            return new Compilation.Unanalysable(Compilation.Kind.TOO_COMPLEX, e.getMessage());
        } catch (UnsupportedInput e) {
            return new Compilation.Unanalysable(Compilation.Kind.UNSUPPORTED_INPUT, e.getMessage());
        } catch (OutOfMemoryError | StackOverflowError e) {
            return new Compilation.Unanalysable(Compilation.Kind.TOO_COMPLEX, "analysis ran out of resources");
        } catch (RuntimeException e) {
            // Not expected; reported as a value (callers FAIL) rather than thrown at them.
            return new Compilation.Unanalysable(Compilation.Kind.UNSUPPORTED_INPUT, "analysis error: " + e);
        }
    }

    private static CompiledPolicy build(PolicyInput policy, Budget budget, ActionCatalog catalog, WorkMeter meter,
            boolean whole) {
        if (policy.statements().size() > budget.maxStatements()) {
            throw new WorkMeter.BudgetExceeded("policy has " + policy.statements().size()
                    + " statements; the limit is " + budget.maxStatements());
        }
        Languages languages = new Languages(meter);
        List<CompiledStatement> compiled = new ArrayList<>();
        List<Automaton> allowParts = new ArrayList<>();
        List<Automaton> denyParts = new ArrayList<>();
        for (AccessStatement s : policy.statements()) {
            if (s == null || s.effect() == null) {
                throw new UnsupportedInput("statement without effect");
            }
            CompiledStatement cs = new CompiledStatement(compiled.size(), s, languages);
            compiled.add(cs);
            if (cs.role == Role.ALLOW) {
                allowParts.add(cs.over);
            } else if (cs.role == Role.DENY) {
                denyParts.add(cs.under);
            }
        }
        // One automaton for the whole policy makes decide() a single table walk and checks one product. Its minimal
        // DFA can be much larger than the statements together (overlapping action wildcards multiply resource
        // tries), so it is optional: with at most a quarter of the remaining budget and WHOLE_POLICY_WORK_CAP units,
        // else answers work statement-wise.
        WorkMeter share = meter.share(0.25, WHOLE_POLICY_WORK_CAP);
        Automaton allowed = null;
        Automaton denied = null;
        Automaton granted = null;
        WordMatcher allowedRun = null;
        WordMatcher deniedRun = null;
        try {
            if (!whole) {
                throw new WorkMeter.BudgetExceeded("whole-policy automaton not wanted");
            }
            allowed = BoundedAutomata.unionAll(dedupe(allowParts), share);
            denied = BoundedAutomata.unionAll(dedupe(denyParts), share);
            granted = denyParts.isEmpty() ? allowed : BoundedAutomata.minus(allowed, denied, share);
            allowedRun = TransitionTable.of(BoundedAutomata.index(allowed), share);
            deniedRun = TransitionTable.of(BoundedAutomata.index(denied), share);
        } catch (WorkMeter.BudgetExceeded e) {
            allowed = null;
            denied = null;
            granted = null;
            allowedRun = null;
            deniedRun = null;
        }
        meter.absorb(share);
        return new CompiledPolicy(policy, budget, catalog, List.copyOf(compiled), granted,
                allowedRun, deniedRun, whole ? meter : null);
    }

    private static List<Automaton> dedupe(List<Automaton> parts) {
        List<Automaton> out = new ArrayList<>();
        java.util.Set<Automaton> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Automaton a : parts) {
            if (!a.isEmpty() && seen.add(a)) {
                out.add(a);
            }
        }
        return out;
    }

    public PolicyInput input() {
        return input;
    }

    public Budget budget() {
        return budget;
    }

    /** Work units (see {@link Budget#maxWorkUnits()}) that compiling this policy used. */
    public long compileWorkUnits() {
        return compileWorkUnits;
    }

    /**
     * States of the single automaton of everything the policy can grant, or -1 when the policy was too large for
     * one automaton within budget and is analysed statement by statement.
     */
    public int grantedStates() {
        return granted == null ? -1 : granted.getNumberOfStates();
    }

    // ---------------------------------------------------------------- decide

    /**
     * Evaluates one concrete request (no wildcards: {@code *} and {@code ?} are ordinary characters here) without
     * request context. Never throws; null arguments are treated as empty strings.
     */
    public Decision decide(String action, String resource) {
        String a = action == null ? "" : action;
        String r = resource == null ? "" : resource;
        List<StatementRef> maybe = possibleDenies.isEmpty() ? List.of() : possibleDenies(a, r);
        // With the whole-policy automata, one walk each rules a statement group out; otherwise scan the index.
        List<StatementRef> denying = deniedRun == null || accepts(deniedRun, a, r) ? denyIndex.matching(a, r)
                : List.of();
        if (!denying.isEmpty()) {
            return new Decision(Verdict.EXPLICIT_DENY, denying, maybe, false);
        }
        List<StatementRef> deciding = allowedRun == null || accepts(allowedRun, a, r) ? allowIndex.matching(a, r)
                : List.of();
        if (!deciding.isEmpty()) {
            boolean conditional = !maybe.isEmpty();
            if (!conditional) {
                conditional = true;
                for (StatementRef ref : deciding) {
                    conditional &= ref.conditional();
                }
            }
            return new Decision(Verdict.ALLOWED, deciding, maybe, conditional);
        }
        return new Decision(Verdict.IMPLICIT_DENY, List.of(), maybe, false);
    }

    private List<StatementRef> possibleDenies(String a, String r) {
        List<StatementRef> out = new ArrayList<>(1);
        for (CompiledStatement s : possibleDenies) {
            if (s.role != Role.DENY || !s.matches(a, r)) {
                if (s.mayApply(a, r)) {
                    out.add(s.ref);
                }
            }
        }
        return out;
    }

    static char actionChar(char c) {
        return c < 0x20 || c == 0x7f ? GlobPattern.CONTROL : Character.toLowerCase(c);
    }

    static char resourceChar(char c) {
        return c < 0x20 || c == 0x7f ? GlobPattern.CONTROL : c;
    }

    static boolean accepts(WordMatcher run, String action, String resource) {
        int s = run.initial();
        for (int i = 0, n = action.length(); i < n; i++) {
            s = run.step(s, actionChar(action.charAt(i)));
            if (s < 0) {
                return false;
            }
        }
        s = run.step(s, GlobPattern.SEP);
        if (s < 0) {
            return false;
        }
        for (int i = 0, n = resource.length(); i < n; i++) {
            s = run.step(s, resourceChar(resource.charAt(i)));
            if (s < 0) {
                return false;
            }
        }
        return run.accepting(s);
    }

    static boolean acceptsAction(WordMatcher run, String action) {
        int s = run.initial();
        for (int i = 0, n = action.length(); i < n; i++) {
            s = run.step(s, actionChar(action.charAt(i)));
            if (s < 0) {
                return false;
            }
        }
        return run.accepting(s);
    }

    static boolean acceptsResource(WordMatcher run, String resource) {
        int s = run.initial();
        for (int i = 0, n = resource.length(); i < n; i++) {
            s = run.step(s, resourceChar(resource.charAt(i)));
            if (s < 0) {
                return false;
            }
        }
        return run.accepting(s);
    }

    // ---------------------------------------------------------------- checkAccessNotGranted

    /**
     * Like AWS {@code CheckAccessNotGranted}: PASS only when no listed access can be granted. Each entry lists
     * actions, resources or both (a missing side means "any"); patterns may contain {@code *} and {@code ?}.
     */
    public AccessCheckResult checkAccessNotGranted(List<AccessEntry> access) {
        WorkMeter meter = new WorkMeter(budget);
        try {
            if (access == null || access.isEmpty()) {
                return invalidAccess("no access entries were given");
            }
            Languages languages = new Languages(meter);
            Automaton failing = null;
            List<GlobPattern> requestActions = new ArrayList<>();
            for (int i = 0; i < access.size(); i++) {
                AccessEntry entry = access.get(i);
                if (entry == null || (entry.actions().isEmpty() && entry.resources().isEmpty())) {
                    return invalidAccess("access entry " + i + " lists neither actions nor resources");
                }
                Automaton actions;
                Automaton resources;
                try {
                    actions = entry.actions().isEmpty() ? BoundedAutomata.universe()
                            : languages.patterns(entry.actions(), true, true);
                    resources = entry.resources().isEmpty() ? BoundedAutomata.universe()
                            : languages.patterns(entry.resources(), false, true);
                } catch (UnsupportedInput e) {
                    return invalidAccess("access entry " + i + ": " + e.getMessage());
                }
                Automaton request = BoundedAutomata.joint(actions, resources, meter);
                Automaton overlap = granted != null ? BoundedAutomata.intersection(granted, request, meter)
                        : grantedWithin(request, entry, meter);
                if (!overlap.isEmpty()) {
                    failing = overlap;
                    for (String p : entry.actions()) {
                        requestActions.add(GlobPattern.parse(p, true));
                    }
                    break;
                }
            }
            if (failing == null) {
                return new AccessCheckResult(CheckResult.PASS, false,
                        "The policy does not grant any of the listed accesses.", List.of(),
                        Optional.empty(), Optional.empty());
            }
            Optional<ExampleSearch.Example> example = ExampleSearch.find(failing, catalog);
            String exampleAction = example.map(e -> e.fromCatalog() ? e.action()
                    : ExampleSearch.recase(e.action(), recaseCandidates(requestActions))).orElse(null);
            String exampleResource = example.map(ExampleSearch.Example::resource).orElse(null);
            List<Reason> reasons = responsibleStatements(failing, exampleAction, exampleResource);
            return new AccessCheckResult(CheckResult.FAIL, false,
                    "The policy grants access to perform one or more of the listed actions or resources.",
                    reasons, Optional.ofNullable(exampleAction), Optional.ofNullable(exampleResource));
        } catch (WorkMeter.BudgetExceeded e) {
            return tooComplexAccess(e.getMessage());
        } catch (OutOfMemoryError | StackOverflowError e) {
            return tooComplexAccess("analysis ran out of resources");
        } catch (RuntimeException e) {
            return invalidAccess("analysis error: " + e);
        }
    }

    static AccessCheckResult tooComplexAccess(String detail) {
        return new AccessCheckResult(CheckResult.FAIL, true,
                "TOO_COMPLEX: the policy could not be analysed within the budget (" + detail
                        + "); treated as FAIL because access cannot be ruled out.",
                List.of(Reason.general("Analysis budget exceeded: " + detail)), Optional.empty(), Optional.empty());
    }

    private static AccessCheckResult invalidAccess(String detail) {
        return new AccessCheckResult(CheckResult.FAIL, false, "Invalid access list: " + detail + ".",
                List.of(Reason.general("Invalid access list: " + detail)), Optional.empty(), Optional.empty());
    }

    private List<GlobPattern> recaseCandidates(List<GlobPattern> first) {
        List<GlobPattern> out = new ArrayList<>(first);
        // Any action named in the policy (Allow, Deny, NotAction alike) is a real spelling worth reusing.
        for (CompiledStatement s : statements) {
            out.addAll(s.actionPatterns);
        }
        return out;
    }

    /**
     * Reasons naming the Allow statements whose access overlaps {@code failing} (a subset of this policy's
     * grants): first those granting the example, then, within a separate budget, any other overlapping one.
     * Also notes Deny statements that were assumed not to apply to the example.
     */
    List<Reason> responsibleStatements(Automaton failing, String exampleAction, String exampleResource) {
        List<Reason> reasons = new ArrayList<>();
        List<CompiledStatement> others = new ArrayList<>();
        for (CompiledStatement s : statements) {
            if (s.role != Role.ALLOW) {
                continue;
            }
            if (exampleAction != null && s.matches(exampleAction, exampleResource)) {
                reasons.add(s.grantReason());
            } else {
                others.add(s);
            }
        }
        WorkMeter extra = new WorkMeter(budget);
        try {
            for (CompiledStatement s : others) {
                if (!BoundedAutomata.intersection(s.over, failing, extra).isEmpty()) {
                    reasons.add(s.grantReason());
                }
            }
        } catch (WorkMeter.BudgetExceeded e) {
            reasons.add(Reason.general("Further statements were not examined for overlap: " + e.getMessage()));
        }
        reasons.sort((x, y) -> Integer.compare(x.statementIndex(), y.statementIndex()));
        if (exampleAction != null) {
            for (CompiledStatement s : possibleDenies) {
                if ((s.role != Role.DENY || !s.matches(exampleAction, exampleResource))
                        && s.mayApply(exampleAction, exampleResource)) {
                    reasons.add(new Reason(s.role == Role.CONDITIONAL_DENY
                            ? "This Deny statement has conditions and was assumed not to apply (over-approximation);"
                                    + " AWS denies the example access when its conditions hold."
                            : "This Deny statement uses policy variables and was only counted where it applies for"
                                    + " every variable value (over-approximation of the granted access).",
                            s.source.index(), s.source.sid()));
                }
            }
        }
        return reasons;
    }

    // ---------------------------------------------------------------- checkNoNewAccess

    /**
     * Like AWS {@code CheckNoNewAccess} with this policy as the updated one: FAIL when this policy may grant some
     * (action, resource) that {@code existing} does not guarantee. Sound under conditions: an Allow of
     * {@code existing} only covers access when it is unconditional or has exactly the same condition block; every
     * Deny of {@code existing} is assumed to possibly apply; only unconditional Denies of this policy block.
     */
    public NoNewAccessResult newAccessComparedTo(CompiledPolicy existing) {
        return accessBeyond(this, existing, true);
    }

    /** The reverse direction: access {@code existing} may grant that this (updated) policy does not guarantee. */
    public NoNewAccessResult removedAccessComparedTo(CompiledPolicy existing) {
        return accessBeyond(existing, this, false);
    }

    /** Granted pairs inside {@code request}, statement by statement (for policies without a whole automaton). */
    private Automaton grantedWithin(Automaton request, AccessEntry entry, WorkMeter meter) {
        List<Automaton> allows = new ArrayList<>();
        List<Automaton> denies = new ArrayList<>();
        for (CompiledStatement s : statements) {
            if ((s.role != Role.ALLOW && s.role != Role.DENY) || s.cannotTouch(entry)) {
                continue;
            }
            Automaton part = BoundedAutomata.intersection(s.role == Role.ALLOW ? s.over : s.under, request, meter);
            if (!part.isEmpty()) {
                (s.role == Role.ALLOW ? allows : denies).add(part);
            }
        }
        Automaton allowed = BoundedAutomata.unionAll(allows, meter);
        return denies.isEmpty() || allowed.isEmpty() ? allowed
                : BoundedAutomata.minus(allowed, BoundedAutomata.unionAll(denies, meter), meter);
    }

    /**
     * Access {@code wider} may grant that {@code narrower} does not guarantee, computed per Allow statement of
     * {@code wider} against only the statements whose actions can overlap it (by service prefix).
     */
    private static NoNewAccessResult accessBeyond(CompiledPolicy wider, CompiledPolicy narrower, boolean added) {
        WorkMeter meter = new WorkMeter(wider.budget);
        try {
            List<Reason> reasons = new ArrayList<>();
            String exampleAction = null;
            String exampleResource = null;
            boolean conservative = narrower.hasApproximations();
            WorkMeter current = meter;
            for (CompiledStatement s : wider.statements) {
                if (s.role != Role.ALLOW) {
                    continue;
                }
                Automaton beyond;
                try {
                    beyond = beyond(s, wider, narrower, current);
                } catch (WorkMeter.BudgetExceeded e) {
                    if (exampleAction == null) {
                        throw e;
                    }
                    reasons.add(Reason.general("Further statements were not examined: " + e.getMessage()));
                    break;
                }
                if (beyond.isEmpty()) {
                    continue;
                }
                conservative |= s.hasConditions() || s.hasVariables;
                reasons.add(s.grantReason());
                if (exampleAction == null) {
                    Optional<ExampleSearch.Example> example = ExampleSearch.find(beyond, wider.catalog);
                    if (example.isPresent()) {
                        ExampleSearch.Example e = example.get();
                        exampleAction = e.fromCatalog() ? e.action() : ExampleSearch.recase(e.action(),
                                wider.recaseCandidates(narrower.recaseCandidates(List.of())));
                        exampleResource = e.resource();
                    }
                    // The answer is settled; naming further statements gets its own budget.
                    current = new WorkMeter(wider.budget);
                }
            }
            if (reasons.isEmpty()) {
                return new NoNewAccessResult(CheckResult.PASS, false, added
                        ? "The updated policy grants no new access compared to the existing policy."
                        : "The updated policy removes no access granted by the existing policy.",
                        List.of(), Optional.empty(), Optional.empty());
            }
            if (conservative) {
                reasons.add(Reason.general("Conditions and policy variables were compared conservatively:"
                        + " an Allow only covers access when unconditional or under the identical condition"
                        + " block, and any Deny with conditions or variables may apply."));
            }
            String message = added
                    ? "The updated policy grants new access that the existing policy does not grant."
                    : "The updated policy removes access that the existing policy grants.";
            return new NoNewAccessResult(CheckResult.FAIL, false, message, reasons,
                    Optional.ofNullable(exampleAction), Optional.ofNullable(exampleResource));
        } catch (WorkMeter.BudgetExceeded e) {
            return tooComplexChange(e.getMessage());
        } catch (OutOfMemoryError | StackOverflowError e) {
            return tooComplexChange("analysis ran out of resources");
        } catch (RuntimeException e) {
            return new NoNewAccessResult(CheckResult.FAIL, false, "The policies could not be compared: " + e
                    + "; treated as FAIL.", List.of(Reason.general("Analysis error: " + e)), Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * Pairs Allow statement {@code s} of {@code wider} may grant (not blocked by an unconditional Deny of
     * {@code wider}) that {@code narrower} does not guarantee: narrower's Allows count only when unconditional or
     * under the identical condition block (under-approximated), and every narrower Deny may apply (over).
     */
    private static Automaton beyond(CompiledStatement s, CompiledPolicy wider, CompiledPolicy narrower,
            WorkMeter meter) {
        Automaton may = s.over;
        List<Automaton> blocked = new ArrayList<>();
        for (CompiledStatement d : wider.allIndex.overlapping(s)) {
            if (d.role == Role.DENY && d.mayOverlap(s)) {
                Automaton part = BoundedAutomata.intersection(d.under, may, meter);
                if (!part.isEmpty()) {
                    blocked.add(part);
                }
            }
        }
        if (!blocked.isEmpty()) {
            may = BoundedAutomata.minus(may, BoundedAutomata.unionAll(blocked, meter), meter);
        }
        if (may.isEmpty()) {
            return may;
        }
        List<Automaton> sure = new ArrayList<>();
        List<Automaton> denies = new ArrayList<>();
        for (CompiledStatement k : narrower.allIndex.overlapping(s)) {
            if (!k.mayOverlap(s)) {
                continue;
            }
            if (k.role == Role.ALLOW && (k.conditionKey.isEmpty() || k.conditionKey.equals(s.conditionKey))) {
                Automaton part = BoundedAutomata.intersection(k.under, may, meter);
                if (!part.isEmpty()) {
                    sure.add(part);
                }
            } else if (k.isDeny()) {
                Automaton part = BoundedAutomata.intersection(k.over, may, meter);
                if (!part.isEmpty()) {
                    denies.add(part);
                }
            }
        }
        Automaton guaranteed = BoundedAutomata.unionAll(sure, meter);
        if (!denies.isEmpty() && !guaranteed.isEmpty()) {
            guaranteed = BoundedAutomata.minus(guaranteed, BoundedAutomata.unionAll(denies, meter), meter);
        }
        return guaranteed.isEmpty() ? may : BoundedAutomata.minus(may, guaranteed, meter);
    }

    static NoNewAccessResult tooComplexChange(String detail) {
        return new NoNewAccessResult(CheckResult.FAIL, true,
                "TOO_COMPLEX: the policies could not be compared within the budget (" + detail
                        + "); treated as FAIL because new access cannot be ruled out.",
                List.of(Reason.general("Analysis budget exceeded: " + detail)), Optional.empty(), Optional.empty());
    }

    private boolean hasApproximations() {
        for (CompiledStatement s : statements) {
            if (s.hasConditions() || s.hasVariables) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- statements

    enum Role {
        /** Allow whose conditions may hold. */
        ALLOW,
        /** Allow whose conditions provably never hold: grants nothing. */
        NEVER_ALLOW,
        /** Deny without conditions: blocks its (under-approximated) language. */
        DENY,
        /** Deny with conditions: blocks nothing in the sound analysis. */
        CONDITIONAL_DENY
    }

    static final class CompiledStatement {
        final int position;
        final AccessStatement source;
        final StatementRef ref;
        final Role role;
        final String conditionKey;
        final String contradiction;
        final boolean hasVariables;
        final List<GlobPattern> actionPatterns;
        /** Literal prefixes of the action (lower-case) and resource patterns; null under NotAction/NotResource. */
        final List<String> actionPrefixes;
        final List<String> resourcePrefixes;
        /** Lower-case services all matched actions start with ("svc:"), or null when any action may match. */
        final java.util.Set<String> services;
        /** Superset of the pairs the statement can match (variables = any value). */
        final Automaton over;
        /** Subset of the pairs the statement matches for every variable value. */
        final Automaton under;
        /** Matchers of the language the analysis uses (over for Allow, under for Deny). */
        final WordMatcher actionRun;
        final WordMatcher resourceRun;
        final WordMatcher actionMayRun;
        final WordMatcher resourceMayRun;

        CompiledStatement(int position, AccessStatement s, Languages languages) {
            this.position = position;
            this.source = s;
            this.ref = StatementRef.of(s);
            this.contradiction = ConditionSatisfiability.contradiction(s.conditions()).orElse(null);
            this.conditionKey = canonical(s.conditions());
            if (s.effect() == Effect.ALLOW) {
                this.role = contradiction == null ? Role.ALLOW : Role.NEVER_ALLOW;
            } else {
                this.role = s.hasConditions() ? Role.CONDITIONAL_DENY : Role.DENY;
            }
            List<GlobPattern> patterns = new ArrayList<>();
            boolean variables = false;
            for (String a : s.actions()) {
                GlobPattern p = languages.parse(a, true);
                patterns.add(p);
                variables |= p.hasVariable;
            }
            for (String r : s.resources()) {
                variables |= languages.parse(r, false).hasVariable;
            }
            this.actionPatterns = List.copyOf(patterns);
            java.util.Set<String> svc = new java.util.LinkedHashSet<>();
            boolean everywhere = s.notAction();
            for (GlobPattern p : patterns) {
                String prefix = p.literalPrefix();
                int colon = prefix.indexOf(':');
                if (colon < 0) {
                    everywhere = true;
                } else {
                    svc.add(prefix.substring(0, colon));
                }
            }
            this.services = everywhere ? null : java.util.Set.copyOf(svc);
            this.actionPrefixes = s.notAction() ? null : patterns.stream().map(GlobPattern::literalPrefix).toList();
            List<String> rp = new ArrayList<>();
            for (String r : s.resources()) {
                rp.add(languages.parse(r, false).literalPrefix());
            }
            this.resourcePrefixes = s.notResource() ? null : List.copyOf(rp);
            this.hasVariables = variables;
            Automaton actionsOver = languages.side(s.actions(), s.notAction(), true, true);
            Automaton resourcesOver = languages.side(s.resources(), s.notResource(), false, true);
            this.over = BoundedAutomata.joint(actionsOver, resourcesOver, languages.meter);
            Automaton actionsUnder = actionsOver;
            Automaton resourcesUnder = resourcesOver;
            if (variables) {
                actionsUnder = languages.side(s.actions(), s.notAction(), true, false);
                resourcesUnder = languages.side(s.resources(), s.notResource(), false, false);
                this.under = BoundedAutomata.joint(actionsUnder, resourcesUnder, languages.meter);
            } else {
                this.under = over;
            }
            if (role == Role.DENY) {
                this.actionRun = languages.run(actionsUnder);
                this.resourceRun = languages.run(resourcesUnder);
            } else {
                this.actionRun = languages.run(actionsOver);
                this.resourceRun = languages.run(resourcesOver);
            }
            this.actionMayRun = languages.run(actionsOver);
            this.resourceMayRun = languages.run(resourcesOver);
        }

        /**
         * False only when the two statements' (over-approximated) pairs are provably disjoint because every pair of
         * literal prefixes diverges, on the action side or on the resource side. A cheap filter before products.
         */
        boolean mayOverlap(CompiledStatement other) {
            return compatible(actionPrefixes, other.actionPrefixes)
                    && compatible(resourcePrefixes, other.resourcePrefixes);
        }

        private static boolean compatible(List<String> a, List<String> b) {
            if (a == null || b == null) {
                return true;
            }
            for (String x : a) {
                for (String y : b) {
                    if (x.startsWith(y) || y.startsWith(x)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean isDeny() {
            return role == Role.DENY || role == Role.CONDITIONAL_DENY;
        }

        boolean hasConditions() {
            return source.hasConditions();
        }

        boolean matches(String action, String resource) {
            return acceptsAction(actionRun, action) && resourceMatches(resource);
        }

        /** The resource matcher, after a cheap literal-prefix rejection (every match starts with some prefix). */
        boolean resourceMatches(String resource) {
            if (resourcePrefixes != null) {
                boolean any = false;
                for (int i = 0, n = resourcePrefixes.size(); i < n && !any; i++) {
                    any = resource.startsWith(resourcePrefixes.get(i));
                }
                if (!any) {
                    return false;
                }
            }
            return acceptsResource(resourceRun, resource);
        }

        /** Cheap proof that the statement shares nothing with a request whose patterns are all literal. */
        boolean cannotTouch(AccessEntry entry) {
            return (!entry.actions().isEmpty() && allLiteral(entry.actions())
                    && entry.actions().stream().noneMatch(a -> acceptsAction(actionRun, a)))
                    || (!entry.resources().isEmpty() && allLiteral(entry.resources())
                    && entry.resources().stream().noneMatch(r -> acceptsResource(resourceRun, r)));
        }

        private static boolean allLiteral(List<String> patterns) {
            for (String p : patterns) {
                if (p == null || p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.contains("${")) {
                    return false;
                }
            }
            return true;
        }

        boolean mayApply(String action, String resource) {
            return acceptsAction(actionMayRun, action) && acceptsResource(resourceMayRun, resource);
        }

        Reason grantReason() {
            String text = GRANTS;
            if (hasConditions()) {
                text += CONDITIONS_NOTE;
            }
            if (hasVariables) {
                text += VARIABLES_NOTE;
            }
            return new Reason(text, source.index(), source.sid());
        }

        /** Canonical form of a condition block: equal keys mean the same truth value in every request. */
        private static String canonical(Map<String, Map<String, List<String>>> conditions) {
            if (conditions.isEmpty()) {
                return "";
            }
            TreeMap<String, TreeMap<String, TreeSet<String>>> out = new TreeMap<>();
            conditions.forEach((op, byKey) -> {
                TreeMap<String, TreeSet<String>> keys = out.computeIfAbsent(String.valueOf(op), k -> new TreeMap<>());
                byKey.forEach((key, values) -> {
                    TreeSet<String> vs = keys.computeIfAbsent(String.valueOf(key).toLowerCase(java.util.Locale.ROOT),
                            k -> new TreeSet<>());
                    for (String v : values) {
                        vs.add(String.valueOf(v));
                    }
                });
            });
            return out.toString();
        }
    }

    /** Compiles pattern lists to automata, sharing results between statements. */
    static final class Languages {
        final WorkMeter meter;
        private final Map<String, Automaton> cache = new HashMap<>();
        private final Map<String, GlobPattern> parsed = new HashMap<>();
        private final Map<Automaton, WordMatcher> runs = new java.util.IdentityHashMap<>();

        Languages(WorkMeter meter) {
            this.meter = meter;
        }

        GlobPattern parse(String pattern, boolean action) {
            if (pattern == null) {
                throw new UnsupportedInput("null pattern");
            }
            if (pattern.length() > meter.budget().maxPatternLength()) {
                throw new WorkMeter.BudgetExceeded("pattern of " + pattern.length()
                        + " characters exceeds the limit of " + meter.budget().maxPatternLength());
            }
            String key = (action ? "a" : "r") + pattern;
            GlobPattern p = parsed.get(key);
            if (p == null) {
                meter.charge(pattern.length());
                p = GlobPattern.parse(pattern, action);
                if (p.hasControlCharacter) {
                    throw new UnsupportedInput("pattern contains a control character: "
                            + GlobPattern.abbreviate(pattern.replaceAll("\\p{Cntrl}", "?")));
                }
                parsed.put(key, p);
            }
            return p;
        }

        /** Language of a Action/NotAction (or Resource/NotResource) element; {@code over} picks the direction. */
        Automaton side(List<String> patterns, boolean not, boolean action, boolean over) {
            if (not) {
                return complement(patterns(patterns, action, !over));
            }
            return patterns(patterns, action, over);
        }

        private Automaton complement(Automaton a) {
            return BoundedAutomata.complement(a, meter);
        }

        Automaton patterns(List<String> patterns, boolean action, boolean over) {
            String key = (action ? "a" : "r") + (over ? "+" : "-") + String.join("\u0000", patterns.stream()
                    .map(String::valueOf).toList()) + "\u0000" + patterns.size();
            Automaton cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            List<Automaton> parts = new ArrayList<>();
            for (String pattern : patterns) {
                parts.add(pattern(pattern, action, over));
            }
            Automaton union = BoundedAutomata.unionAll(dedupe(parts), meter);
            cache.put(key, union);
            return union;
        }

        Automaton pattern(String pattern, boolean action, boolean over) {
            GlobPattern p = parse(pattern, action);
            if (p.hasVariable && !over) {
                return BoundedAutomata.empty();
            }
            String key = (action ? "A" : "R") + pattern;
            Automaton a = cache.get(key);
            if (a == null) {
                a = BoundedAutomata.minimal(p.toAutomaton(meter), meter);
                cache.put(key, a);
            }
            return a;
        }

        WordMatcher run(Automaton a) {
            WordMatcher run = runs.get(a);
            if (run == null) {
                BoundedAutomata.Indexed indexed = BoundedAutomata.index(a);
                meter.charge(indexed.size());
                run = indexed;
                runs.put(a, run);
            }
            return run;
        }
    }

    /** Statements bucketed by the literal service prefix of their actions, for a fast {@link #decide}. */
    static final class StatementIndex {
        private final List<CompiledStatement> all;
        /** Every statement by the service(s) of its actions (for overlap between statements). */
        private final Map<String, List<CompiledStatement>> byService = new HashMap<>();
        /** Statements with only literal actions, by lower-case action (for concrete requests). */
        private final Map<String, List<CompiledStatement>> byAction = new HashMap<>();
        /** Statements with a wildcard in some action, by service (for concrete requests). */
        private final Map<String, List<CompiledStatement>> wildcardByService = new HashMap<>();
        private final List<CompiledStatement> anyService = new ArrayList<>();
        /** Statements with a literal service prefix, classified together by {@link #classifier}. */
        private final List<CompiledStatement> classified = new ArrayList<>();
        private final ActionClassifier classifier;

        /** {@code meter} null: no classifier (index used only for overlap between statements). */
        StatementIndex(List<CompiledStatement> statements, WorkMeter meter) {
            this.all = statements;
            for (CompiledStatement s : statements) {
                if (s.services == null) {
                    anyService.add(s);
                    continue;
                }
                for (String service : s.services) {
                    byService.computeIfAbsent(service, k -> new ArrayList<>()).add(s);
                }
                boolean literal = s.actionPatterns.stream().noneMatch(GlobPattern::hasWildcard);
                if (literal) {
                    for (String action : new java.util.LinkedHashSet<>(
                            s.actionPatterns.stream().map(GlobPattern::literalPrefix).toList())) {
                        byAction.computeIfAbsent(action, k -> new ArrayList<>()).add(s);
                    }
                } else {
                    for (String service : s.services) {
                        wildcardByService.computeIfAbsent(service, k -> new ArrayList<>()).add(s);
                    }
                }
                classified.add(s);
            }
            ActionClassifier built = null;
            if (meter != null && !classified.isEmpty()) {
                // Optional speed-up: with at most a quarter of the remaining budget, else the maps above serve.
                WorkMeter share = meter.share(0.25);
                try {
                    List<BoundedAutomata.Indexed> matchers = new ArrayList<>();
                    for (CompiledStatement s : classified) {
                        matchers.add((BoundedAutomata.Indexed) s.actionRun);
                    }
                    built = ActionClassifier.build(matchers, meter.budget().maxAutomatonStates(), share);
                } catch (WorkMeter.BudgetExceeded e) {
                    built = null;
                }
                meter.absorb(share);
            }
            this.classifier = built;
        }

        /** Statements whose actions may overlap those of {@code s}, in policy order. */
        List<CompiledStatement> overlapping(CompiledStatement s) {
            if (s.services == null) {
                return all;
            }
            java.util.TreeMap<Integer, CompiledStatement> out = new java.util.TreeMap<>();
            for (String service : s.services) {
                for (CompiledStatement c : byService.getOrDefault(service, List.of())) {
                    out.put(c.position, c);
                }
            }
            for (CompiledStatement c : anyService) {
                out.put(c.position, c);
            }
            return new ArrayList<>(out.values());
        }

        List<StatementRef> matching(String action, String resource) {
            if (classifier != null) {
                int[] hits = classifier.classify(action);
                List<StatementRef> out = new ArrayList<>(2);
                int i = 0;
                int k = 0;
                while (i < hits.length || k < anyService.size()) {
                    int pi = i < hits.length ? classified.get(hits[i]).position : Integer.MAX_VALUE;
                    int pk = k < anyService.size() ? anyService.get(k).position : Integer.MAX_VALUE;
                    if (pi < pk) {
                        CompiledStatement next = classified.get(hits[i++]);
                        if (next.resourceMatches(resource)) {
                            out.add(next.ref);
                        }
                    } else {
                        CompiledStatement next = anyService.get(k++);
                        if (next.matches(action, resource)) {
                            out.add(next.ref);
                        }
                    }
                }
                return out;
            }
            char[] chars = new char[action.length()];
            int colon = -1;
            for (int i = 0; i < chars.length; i++) {
                chars[i] = actionChar(action.charAt(i));
                if (colon < 0 && chars[i] == ':') {
                    colon = i;
                }
            }
            String lowered = new String(chars);
            List<CompiledStatement> exact = byAction.isEmpty() ? List.of() : byAction.getOrDefault(lowered, List.of());
            List<CompiledStatement> wild = colon < 0 || wildcardByService.isEmpty() ? List.of()
                    : wildcardByService.getOrDefault(lowered.substring(0, colon), List.of());
            List<StatementRef> out = new ArrayList<>(2);
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < exact.size() || j < wild.size() || k < anyService.size()) {
                int pi = i < exact.size() ? exact.get(i).position : Integer.MAX_VALUE;
                int pj = j < wild.size() ? wild.get(j).position : Integer.MAX_VALUE;
                int pk = k < anyService.size() ? anyService.get(k).position : Integer.MAX_VALUE;
                CompiledStatement next;
                if (pi <= pj && pi <= pk) {
                    next = exact.get(i++);
                    // exact matches already fix the action: only the resource remains to check
                    if (next.resourceMatches(resource)) {
                        out.add(next.ref);
                    }
                    continue;
                } else if (pj <= pk) {
                    next = wild.get(j++);
                } else {
                    next = anyService.get(k++);
                }
                if (next.matches(action, resource)) {
                    out.add(next.ref);
                }
            }
            return out;
        }
    }

    /** Internal control flow for input the analysis rejects; turned into a value at the API boundary. */
    static final class UnsupportedInput extends RuntimeException {
        UnsupportedInput(String message) {
            super(message, null, false, false);
        }
    }
}
