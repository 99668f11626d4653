package com.amply.policysuite.access;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random small policies over tiny alphabets, checked against a brute-force evaluator written independently here
 * (regular-expression globbing and enumeration of every string up to a small length).
 */
class BruteForcePropertyTest {
    private static final long SEED = 20_261_204L;
    private static final int CASES = 1_500;
    private static final int MAX_LENGTH = 4;
    /** 'z' stands for every character no pattern mentions. */
    private static final String ACTION_CHARS = "ab:z";
    private static final String RESOURCE_CHARS = "abA/z";
    private static final List<String> ACTION_STRINGS = strings(ACTION_CHARS, MAX_LENGTH);
    private static final List<String> RESOURCE_STRINGS = strings(RESOURCE_CHARS, MAX_LENGTH);

    private static final Map<String, Map<String, List<String>>> SATISFIABLE = Map.of(
            "StringEquals", Map.of("aws:PrincipalTag/team", List.of("x")));
    private static final Map<String, Map<String, List<String>>> CONTRADICTORY = Map.of(
            "StringEquals", Map.of("aws:PrincipalTag/team", List.of("x")),
            "StringNotEquals", Map.of("aws:PrincipalTag/team", List.of("x")));

    // ------------------------------------------------------------------ reference evaluator

    /** One statement evaluated by brute force, with the same sound approximations the analysis promises. */
    static final class Ref {
        final AccessStatement s;
        final List<Pattern> actions = new ArrayList<>();
        final List<Boolean> actionVariable = new ArrayList<>();
        final List<Pattern> resources = new ArrayList<>();
        final List<Boolean> resourceVariable = new ArrayList<>();

        Ref(AccessStatement s) {
            this.s = s;
            for (String p : s.actions()) {
                actions.add(glob(p, true, null));
                actionVariable.add(hasVariable(p));
            }
            for (String p : s.resources()) {
                resources.add(glob(p, false, null));
                resourceVariable.add(hasVariable(p));
            }
        }

        AccessStatement s() {
            return s;
        }

        boolean grants() {
            return s.effect() == Effect.ALLOW && !s.conditions().equals(CONTRADICTORY);
        }

        boolean blocks() {
            return s.effect() == Effect.DENY && s.conditions().isEmpty();
        }

        /** Analysis language: over-approximation for Allow, under-approximation for an unconditional Deny. */
        boolean matches(String action, String resource) {
            return actionSide(action) && resourceSide(resource);
        }

        boolean actionSide(String action) {
            return side(actions, actionVariable, s.notAction(), action.toLowerCase(Locale.ROOT));
        }

        boolean resourceSide(String resource) {
            return side(resources, resourceVariable, s.notResource(), resource);
        }

        private boolean side(List<Pattern> patterns, List<Boolean> variables, boolean not, String text) {
            boolean over = s.effect() == Effect.ALLOW;
            // Inside Not*, the list itself is approximated in the opposite direction.
            boolean listOver = not != over;
            boolean any = false;
            for (int i = 0; i < patterns.size() && !any; i++) {
                if (variables.get(i) && !listOver) {
                    continue;
                }
                any = patterns.get(i).matcher(text).matches();
            }
            return not != any;
        }

        /** Truth in one request context where every policy variable has the value {@code variable}. */
        boolean matchesWith(String variable, String action, String resource) {
            return sideWith(s.actions(), s.notAction(), action.toLowerCase(Locale.ROOT), true, variable)
                    && sideWith(s.resources(), s.notResource(), resource, false, variable);
        }

        private static boolean sideWith(List<String> patterns, boolean not, String text, boolean action,
                String variable) {
            boolean any = false;
            for (String p : patterns) {
                any |= glob(p, action, variable).matcher(text).matches();
            }
            return not != any;
        }

        private static boolean hasVariable(String p) {
            int i = p.indexOf("${");
            while (i >= 0) {
                int close = p.indexOf('}', i + 2);
                if (close < 0) {
                    return false;
                }
                String body = p.substring(i + 2, close);
                if (!body.equals("*") && !body.equals("?") && !body.equals("$")) {
                    return true;
                }
                i = p.indexOf("${", close + 1);
            }
            return false;
        }
    }

    /** IAM glob to regex; {@code variable == null} means a policy variable matches anything. */
    static Pattern glob(String pattern, boolean action, String variable) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '$' && pattern.startsWith("{", i + 1) && pattern.indexOf('}', i + 2) > 0) {
                int close = pattern.indexOf('}', i + 2);
                String body = pattern.substring(i + 2, close);
                if (body.equals("*") || body.equals("?") || body.equals("$")) {
                    re.append(Pattern.quote(body));
                } else {
                    re.append(variable == null ? ".*" : Pattern.quote(variable));
                }
                i = close + 1;
                continue;
            }
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(action ? Character.toLowerCase(c) : c)));
            }
            i++;
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    static final class Reference {
        final List<Ref> statements = new ArrayList<>();
        int grantBits;
        int blockBits;

        Reference(PolicyInput policy) {
            for (AccessStatement s : policy.statements()) {
                Ref r = new Ref(s);
                if (r.grants()) {
                    grantBits |= 1 << statements.size();
                }
                if (r.blocks()) {
                    blockBits |= 1 << statements.size();
                }
                statements.add(r);
            }
        }

        int actionMask(String action) {
            int m = 0;
            for (int k = 0; k < statements.size(); k++) {
                if (statements.get(k).actionSide(action)) {
                    m |= 1 << k;
                }
            }
            return m;
        }

        int resourceMask(String resource) {
            int m = 0;
            for (int k = 0; k < statements.size(); k++) {
                if (statements.get(k).resourceSide(resource)) {
                    m |= 1 << k;
                }
            }
            return m;
        }

        boolean granted(int actionMask, int resourceMask) {
            int m = actionMask & resourceMask;
            return (m & blockBits) == 0 && (m & grantBits) != 0;
        }

        boolean granted(String action, String resource) {
            return granted(actionMask(action), resourceMask(resource));
        }

        Verdict verdict(String action, String resource) {
            int m = actionMask(action) & resourceMask(resource);
            if ((m & blockBits) != 0) {
                return Verdict.EXPLICIT_DENY;
            }
            return (m & grantBits) != 0 ? Verdict.ALLOWED : Verdict.IMPLICIT_DENY;
        }

        List<Integer> deciding(String action, String resource) {
            int m = actionMask(action) & resourceMask(resource);
            int bits = (m & blockBits) != 0 ? m & blockBits : m & grantBits;
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < statements.size(); k++) {
                if ((bits & (1 << k)) != 0) {
                    out.add(statements.get(k).s().index());
                }
            }
            return out;
        }

        /** What AWS would decide with concrete variable value and condition outcomes (conditions all hold or not). */
        boolean trulyAllowed(String variable, boolean conditionsHold, String action, String resource) {
            boolean allowed = false;
            for (Ref r : statements) {
                boolean applies = r.s().conditions().isEmpty()
                        || (conditionsHold && r.s().conditions().equals(SATISFIABLE));
                if (!applies || !r.matchesWith(variable, action, resource)) {
                    continue;
                }
                if (r.s().effect() == Effect.DENY) {
                    return false;
                }
                allowed = true;
            }
            return allowed;
        }

        int[] actionMasks() {
            return ACTION_STRINGS.stream().mapToInt(this::actionMask).toArray();
        }

        int[] resourceMasks() {
            return RESOURCE_STRINGS.stream().mapToInt(this::resourceMask).toArray();
        }
    }

    // ------------------------------------------------------------------ generators

    static String pattern(Random random, String chars, boolean variables) {
        int length = random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(chars.length() + 3);
            if (pick < chars.length()) {
                sb.append(chars.charAt(pick));
            } else if (pick == chars.length()) {
                sb.append('*');
            } else if (pick == chars.length() + 1) {
                sb.append('?');
            } else if (variables && random.nextInt(3) == 0) {
                sb.append("${v}");
            } else {
                sb.append(random.nextBoolean() ? "${*}" : "${?}");
            }
        }
        return sb.toString();
    }

    static List<String> patterns(Random random, String chars, boolean variables) {
        List<String> out = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(pattern(random, chars, variables));
        }
        return out;
    }

    static PolicyInput policy(Random random, boolean exactOnly) {
        List<AccessStatement> statements = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Effect effect = random.nextInt(3) == 0 ? Effect.DENY : Effect.ALLOW;
            Map<String, Map<String, List<String>>> conditions = Map.of();
            if (!exactOnly) {
                int c = random.nextInt(5);
                conditions = c == 0 ? SATISFIABLE : c == 1 ? CONTRADICTORY : Map.of();
            }
            statements.add(new AccessStatement(i, "S" + i, effect, patterns(random, "aAbB:", false),
                    random.nextInt(5) == 0, patterns(random, "abA/", !exactOnly), random.nextInt(5) == 0,
                    conditions));
        }
        return new PolicyInput(statements);
    }

    static List<String> strings(String chars, int maxLength) {
        List<String> out = new ArrayList<>();
        out.add("");
        int from = 0;
        for (int len = 1; len <= maxLength; len++) {
            int to = out.size();
            for (int i = from; i < to; i++) {
                for (char c : chars.toCharArray()) {
                    out.add(out.get(i) + c);
                }
            }
            from = to;
        }
        return out;
    }

    /** Marker budget: compile without whole-policy automata and action classifier (statement-by-statement). */
    static final Budget STATEMENT_WISE = Budget.defaults().withMaxStatements(Budget.DEFAULT_MAX_STATEMENTS - 1);

    /** The compiled policy (never null; the null checks in callers are for future tight budgets). */
    static CompiledPolicy compile(PolicyInput policy, Budget budget) {
        Compilation c = budget == STATEMENT_WISE ? CompiledPolicy.compileStatementWise(policy, Budget.defaults())
                : CompiledPolicy.compile(policy, budget);
        assertThat(c).as("compiles: %s", policy).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) c).policy();
    }

    static String describe(int caseNo, PolicyInput policy) {
        return "seed=" + SEED + "(+offset per test) case=" + caseNo + " policy=" + policy;
    }

    // ------------------------------------------------------------------ properties

    @Test
    void decideAgreesWithBruteForceAndIsSoundForEveryVariableValueAndConditionOutcome() {
        decideAgrees(Budget.defaults(), SEED, CASES);
    }

    @Test
    void decideAgreesWithBruteForceWhenAnalysedStatementByStatement() {
        decideAgrees(STATEMENT_WISE, SEED + 10, CASES / 2);
    }

    private static void decideAgrees(Budget budget, long seed, int cases) {
        Random random = new Random(seed);
        for (int caseNo = 0; caseNo < cases; caseNo++) {
            PolicyInput policy = policy(random, false);
            CompiledPolicy compiled = compile(policy, budget);
            if (compiled == null) {
                continue;
            }
            Reference reference = new Reference(policy);
            for (int q = 0; q < 20; q++) {
                String action = ACTION_STRINGS.get(random.nextInt(ACTION_STRINGS.size()));
                if (random.nextBoolean()) {
                    action = action.toUpperCase(Locale.ROOT);
                }
                String resource = RESOURCE_STRINGS.get(random.nextInt(RESOURCE_STRINGS.size()));
                Decision d = compiled.decide(action, resource);
                String where = describe(caseNo, policy) + " request=(" + action + ", " + resource + ")";
                assertThat(d.verdict()).as(where).isEqualTo(reference.verdict(action, resource));
                assertThat(d.deciding().stream().map(StatementRef::index).toList()).as(where)
                        .isEqualTo(reference.deciding(action, resource));
                for (String variable : List.of("", "a", "b/", "A")) {
                    for (boolean hold : List.of(true, false)) {
                        if (reference.trulyAllowed(variable, hold, action, resource)) {
                            assertThat(d.verdict()).as("unsound: %s variable=%s conditionsHold=%s", where,
                                    variable, hold).isEqualTo(Verdict.ALLOWED);
                        }
                    }
                }
            }
        }
    }

    @Test
    void checkAccessNotGrantedAgreesWithEnumerationOfAllShortRequests() {
        checkAccessAgrees(Budget.defaults(), SEED + 1, CASES);
    }

    @Test
    void checkAccessNotGrantedAgreesWithEnumerationWhenAnalysedStatementByStatement() {
        checkAccessAgrees(STATEMENT_WISE, SEED + 11, CASES / 2);
    }

    private static void checkAccessAgrees(Budget budget, long seed, int cases) {
        Random random = new Random(seed);
        for (int caseNo = 0; caseNo < cases; caseNo++) {
            PolicyInput policy = policy(random, false);
            CompiledPolicy compiled = compile(policy, budget);
            if (compiled == null) {
                continue;
            }
            Reference reference = new Reference(policy);
            int shape = random.nextInt(3);
            List<String> actions = shape == 1 ? List.of() : List.of(pattern(random, "aB:", false));
            List<String> resources = shape == 2 ? List.of() : List.of(pattern(random, "ab/", false));
            AccessCheckResult result = compiled.checkAccessNotGranted(List.of(new AccessEntry(actions, resources)));
            String where = describe(caseNo, policy) + " entry=(" + actions + ", " + resources + ")";
            assertThat(result.tooComplex()).as(where).isFalse();

            List<Pattern> actionRequest = actions.stream().map(p -> glob(p, true, null)).toList();
            List<Pattern> resourceRequest = resources.stream().map(p -> glob(p, false, null)).toList();
            int[] actionMasks = reference.actionMasks();
            int[] resourceMasks = reference.resourceMasks();
            boolean witness = false;
            for (int i = 0; i < ACTION_STRINGS.size() && !witness; i++) {
                String a = ACTION_STRINGS.get(i);
                if (!actionRequest.isEmpty() && actionRequest.stream().noneMatch(p -> p.matcher(a).matches())) {
                    continue;
                }
                for (int j = 0; j < RESOURCE_STRINGS.size(); j++) {
                    String r = RESOURCE_STRINGS.get(j);
                    if (reference.granted(actionMasks[i], resourceMasks[j]) && (resourceRequest.isEmpty()
                            || resourceRequest.stream().anyMatch(p -> p.matcher(r).matches()))) {
                        witness = true;
                        break;
                    }
                }
            }
            if (witness) {
                assertThat(result.result()).as("missed access: %s", where).isEqualTo(CheckResult.FAIL);
            }
            if (result.result() == CheckResult.FAIL) {
                String a = result.exampleAction().orElseThrow();
                String r = result.exampleResource().orElseThrow();
                String lowered = a.toLowerCase(Locale.ROOT);
                assertThat(actionRequest.isEmpty() || actionRequest.stream().anyMatch(p -> p.matcher(lowered).matches()))
                        .as("example action outside the request: %s example=%s", where, a).isTrue();
                assertThat(resourceRequest.isEmpty() || resourceRequest.stream().anyMatch(p -> p.matcher(r).matches()))
                        .as("example resource outside the request: %s example=%s", where, r).isTrue();
                assertThat(reference.granted(a, r)).as("example not granted: %s example=(%s, %s)", where, a, r)
                        .isTrue();
                TreeSet<Integer> granting = new TreeSet<>();
                for (Ref ref : reference.statements) {
                    if (ref.grants() && ref.matches(a, r)) {
                        granting.add(ref.s().index());
                    }
                }
                assertThat(result.reasons().stream().map(Reason::statementIndex).toList()).as(where)
                        .containsAll(granting);
            }
        }
    }

    @Test
    void checkNoNewAccessAgreesWithEnumerationForUnconditionalPolicies() {
        Random random = new Random(SEED + 2);
        for (int caseNo = 0; caseNo < CASES / 2; caseNo++) {
            PolicyInput existing = policy(random, true);
            PolicyInput updated = random.nextInt(4) == 0 ? existing : policy(random, true);
            Reference before = new Reference(existing);
            Reference after = new Reference(updated);
            PolicyDiff diff = AccessAnalyzer.diff(existing, updated, Budget.defaults(), ActionCatalog.none());
            String where = "seed=" + SEED + " case=" + caseNo + " existing=" + existing + " updated=" + updated;
            check(diff.added(), after, before, where + " (added)");
            check(diff.removed(), before, after, where + " (removed)");
        }
    }

    private static void check(NoNewAccessResult result, Reference wider, Reference narrower, String where) {
        int[] wa = wider.actionMasks();
        int[] wr = wider.resourceMasks();
        int[] na = narrower.actionMasks();
        int[] nr = narrower.resourceMasks();
        boolean witness = false;
        outer:
        for (int i = 0; i < wa.length; i++) {
            for (int j = 0; j < wr.length; j++) {
                if (wider.granted(wa[i], wr[j]) && !narrower.granted(na[i], nr[j])) {
                    witness = true;
                    break outer;
                }
            }
        }
        if (witness) {
            assertThat(result.result()).as("missed change: %s", where).isEqualTo(CheckResult.FAIL);
        }
        if (result.result() == CheckResult.FAIL) {
            String a = result.exampleAction().orElseThrow();
            String r = result.exampleResource().orElseThrow();
            assertThat(wider.granted(a, r) && !narrower.granted(a, r))
                    .as("example is no change: %s example=(%s, %s)", where, a, r).isTrue();
            assertThat(result.reasons()).as(where).isNotEmpty();
        }
    }
}
