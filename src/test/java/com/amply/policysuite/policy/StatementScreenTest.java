package com.amply.policysuite.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.RandomText;
import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.CheckResult;
import com.amply.policysuite.access.Compilation;
import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.Effect;
import com.amply.policysuite.access.PolicyInput;
import com.amply.policysuite.access.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The screen's shortcuts agree with the exact analyzer whenever they answer. */
class StatementScreenTest {
    private static final long SEED = 20261204L;
    private static final String[] ACTION_PARTS = {"s:A", "s:a", "s:Ab", "s:B", "t:A", "s:*", "s:?", "*", "s:A*", "t:*b"};
    private static final String[] RESOURCE_PARTS = {"r/a", "r/b", "r/*", "r/?", "*", "r/a/*", "q/a", "r/ab", "?/a", "r*"};
    private static final String[] ACTIONS = {"s:A", "s:a", "s:Ab", "s:B", "t:A", "t:Ab", "u:X"};
    private static final String[] RESOURCES = {"r/a", "r/b", "r/ab", "q/a", "r/a/x", "x", "r/"};

    @Test
    void glob_intersection_and_matching_agree_with_simple_cases() {
        assertThat(StatementScreen.Glob.intersect("amply/prod/*", "amply/*")).isTrue();
        assertThat(StatementScreen.Glob.intersect("amply/staging/*", "amply/prod/*")).isFalse();
        assertThat(StatementScreen.Glob.intersect("a?c", "*b*")).isTrue();
        assertThat(StatementScreen.Glob.intersect("a?c", "*dd*")).isFalse();
        assertThat(StatementScreen.Glob.matches("amply/prod/db-??????", "amply/prod/db-AbCdEf")).isTrue();
        assertThat(StatementScreen.Glob.matches("amply/prod/db", "amply/prod/db-AbCdEf")).isFalse();
        assertThat(StatementScreen.Glob.matches("*/prod/*", "amply/prod/x")).isTrue();
    }

    @Test
    void statements_are_screened_by_the_literal_prefix_their_resources_share() {
        assertThat(StatementScreen.commonLiteralPrefix(List.of("arn:x:amply/prod/db-??????", "arn:x:amply/prod/redis-*")))
                .isEqualTo("arn:x:amply/prod/");
        assertThat(StatementScreen.commonLiteralPrefix(List.of("arn:x:a*", "arn:x:abc"))).isEqualTo("arn:x:a");
        assertThat(StatementScreen.commonLiteralPrefix(List.of("arn:x:a", "*"))).isEmpty();
        assertThat(StatementScreen.commonLiteralPrefix(List.of())).isEmpty();
        assertThat(StatementScreen.commonLiteralPrefix(List.of("abc"))).isEqualTo("abc");
    }

    @Test
    void glob_intersection_agrees_with_brute_force_on_random_patterns() {
        // a common string, if any, has a witness no longer than both patterns together over {a, b, c}
        List<String> words = new ArrayList<>(List.of(""));
        for (int start = 0, length = 1; length <= 6; length++) {
            int end = words.size();
            for (int i = start; i < end; i++) {
                for (char c : new char[] {'a', 'b', 'c'}) {
                    words.add(words.get(i) + c);
                }
            }
            start = end;
        }
        Random random = new Random(11L);
        char[] alphabet = {'a', 'b', '*', '?'};
        for (int i = 0; i < 3_000; i++) {
            String p = RandomText.of(random, 4, alphabet);
            String q = RandomText.of(random, 4, alphabet);
            boolean expected = words.stream().anyMatch(w -> StatementScreen.Glob.matches(p, w) && StatementScreen.Glob.matches(q, w));
            assertThat(StatementScreen.Glob.intersect(p, q)).as("%s and %s", p, q).isEqualTo(expected);
        }
    }

    @Test
    void quick_answers_match_the_exact_analyzer_on_random_policies() {
        Random random = new Random(SEED);
        int answered = 0;
        int screened = 0;
        for (int round = 0; round < 2_000; round++) {
            PolicyInput policy = randomPolicy(random);
            Compilation c = CompiledPolicy.compile(policy, Budget.defaults());
            assertThat(c).as("seed " + SEED + " round " + round).isInstanceOf(Compilation.Compiled.class);
            CompiledPolicy compiled = ((Compilation.Compiled) c).policy();
            for (String a : ACTIONS) {
                for (String r : RESOURCES) {
                    var quick = StatementScreen.decide(policy, a, r);
                    if (quick.isPresent()) {
                        answered++;
                        Verdict exact = compiled.decide(a, r).verdict();
                        assertThat(quick.get().verdict()).as("seed %d round %d %s %s %s", SEED, round, policy, a, r)
                                .isEqualTo(exact);
                    }
                }
            }
            List<String> actions = List.of(ACTION_PARTS[random.nextInt(ACTION_PARTS.length)]);
            List<String> resources = List.of(RESOURCE_PARTS[random.nextInt(RESOURCE_PARTS.length)]);
            if (StatementScreen.noAllowCanMatch(policy, List.of(new AccessEntry(actions, resources)))) {
                screened++;
                assertThat(compiled.checkAccessNotGranted(List.of(new AccessEntry(actions, resources))).result())
                        .as("seed %d round %d %s %s %s", SEED, round, policy, actions, resources).isEqualTo(CheckResult.PASS);
            }
        }
        assertThat(answered).as("the screen answers most concrete questions").isGreaterThan(20_000);
        assertThat(screened).as("the screen rules out some access questions").isGreaterThan(100);
    }

    private static PolicyInput randomPolicy(Random random) {
        List<AccessStatement> statements = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Effect effect = random.nextInt(4) == 0 ? Effect.DENY : Effect.ALLOW;
            List<String> actions = pick(random, ACTION_PARTS);
            List<String> resources = pick(random, RESOURCE_PARTS);
            Map<String, Map<String, List<String>>> conditions = random.nextInt(6) == 0
                    ? Map.of("StringEquals", Map.of("aws:PrincipalTag/team", List.of("x"))) : Map.of();
            statements.add(new AccessStatement(i, null, effect, actions, random.nextInt(8) == 0, resources,
                    random.nextInt(8) == 0, conditions));
        }
        return new PolicyInput(statements);
    }

    private static List<String> pick(Random random, String[] parts) {
        List<String> out = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(parts[random.nextInt(parts.length)]);
        }
        return out;
    }
}
