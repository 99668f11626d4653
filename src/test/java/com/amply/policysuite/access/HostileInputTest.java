package com.amply.policysuite.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.amply.policysuite.access.AccessSemanticsTest.allow;
import static com.amply.policysuite.access.AccessSemanticsTest.deny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile policies must finish within the budget, answering correctly or TOO_COMPLEX (= FAIL), never PASS wrongly.
 * The 10 s timeouts are only hang guards; the bound itself comes from the deterministic work budget.
 */
class HostileInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private static Compilation compile(PolicyInput policy) {
        return CompiledPolicy.compile(policy, Budget.defaults());
    }

    @Test
    void aThousandStarQuestionPairsInOnePatternAreAnsweredExactly() {
        String pattern = "arn:" + "*?".repeat(1_000);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Compilation c = compile(PolicyInput.of(allow(0, List.of("s3:GetObject"), List.of(pattern))));
            assertThat(c).isInstanceOf(Compilation.Compiled.class);
            CompiledPolicy p = ((Compilation.Compiled) c).policy();
            assertThat(p.decide("s3:GetObject", "arn:" + "x".repeat(999)).verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
            assertThat(p.decide("s3:GetObject", "arn:" + "x".repeat(1_000)).verdict()).isEqualTo(Verdict.ALLOWED);
            assertThat(p.checkAccessNotGranted(List.of(AccessEntry.resources("arn:short"))).result())
                    .isEqualTo(CheckResult.PASS);
            AccessCheckResult r = p.checkAccessNotGranted(List.of(AccessEntry.resources("arn:*")));
            assertThat(r.result()).isEqualTo(CheckResult.FAIL);
            assertThat(r.exampleResource()).hasValueSatisfying(ex -> assertThat(ex).hasSize(1_004));
        });
    }

    @Test
    void thousandsOfStarQuestionPairsBeyondThePatternLimitAreTooComplex() {
        String pattern = "arn:" + "*?".repeat(5_000);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            AccessCheckResult r = AccessAnalyzer.checkAccessNotGranted(
                    PolicyInput.of(allow(0, List.of("s3:GetObject"), List.of(pattern))),
                    List.of(AccessEntry.resources("arn:short")), Budget.defaults());
            assertThat(r.result()).isEqualTo(CheckResult.FAIL);
            assertThat(r.tooComplex()).isTrue();
            assertThat(r.message()).contains("TOO_COMPLEX").contains("pattern");
        });
    }

    @Test
    void aPatternWhoseAutomatonExplodesIsTooComplex() {
        // "*a" followed by 40 single-character wildcards needs 2^40 DFA states.
        String pattern = "*a" + "?".repeat(40);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Compilation c = compile(PolicyInput.of(allow(0, List.of("s3:GetObject"), List.of(pattern))));
            assertThat(c).isInstanceOfSatisfying(Compilation.Unanalysable.class, u -> {
                assertThat(u.kind()).isEqualTo(Compilation.Kind.TOO_COMPLEX);
                assertThat(u.detail()).contains("automaton states");
            });
        });
    }

    @Test
    void aHostileRequestPatternIsTooComplexNotPass() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            AccessCheckResult r = p.checkAccessNotGranted(List.of(AccessEntry.resources("*a" + "?".repeat(40))));
            assertThat(r.result()).isEqualTo(CheckResult.FAIL);
            assertThat(r.tooComplex()).isTrue();
        });
    }

    @Test
    void hundredsOfOverlappingWildcardStatementsFinishWithinBudget() {
        Random random = new Random(7);
        List<AccessStatement> statements = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder resource = new StringBuilder("*");
            for (int k = 0; k < 6; k++) {
                resource.append("ab?*".charAt(random.nextInt(4)));
            }
            resource.append('*');
            AccessStatement s = random.nextInt(5) == 0
                    ? deny(i, List.of("s3:*"), List.of(resource.toString()))
                    : allow(i, List.of("s3:" + "GP".charAt(random.nextInt(2)) + "*"), List.of(resource.toString()));
            statements.add(s);
        }
        PolicyInput policy = new PolicyInput(statements);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            AccessCheckResult iam = AccessAnalyzer.checkAccessNotGranted(policy,
                    List.of(AccessEntry.actions("iam:*")), Budget.defaults());
            assertThat(iam.passed() || iam.tooComplex()).as(iam.message()).isTrue();
            AccessCheckResult s3 = AccessAnalyzer.checkAccessNotGranted(policy,
                    List.of(AccessEntry.actions("s3:*")), Budget.defaults());
            assertThat(s3.result()).isEqualTo(CheckResult.FAIL);
            NoNewAccessResult diff = AccessAnalyzer.checkNoNewAccess(policy, policy, Budget.defaults());
            assertThat(diff.passed() || diff.tooComplex()).as(diff.message()).isTrue();
        });
    }

    @Test
    void aPolicyTooLargeForOneAutomatonIsAnalysedStatementByStatement() {
        List<AccessStatement> statements = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Alternating overlapping action sets multiply the resource tries in one whole-policy automaton.
            statements.add(allow(i, List.of(i % 2 == 0 ? "s3:Get*" : "s3:GetObject" + (i % 7)),
                    List.of("arn:aws:s3:::bucket-" + i + "/*")));
        }
        statements.add(deny(50, List.of("s3:GetObject3"), List.of("arn:aws:s3:::bucket-3/secret/*")));
        Budget tight = Budget.defaults().withMaxAutomatonStates(120);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Compilation c = CompiledPolicy.compile(new PolicyInput(statements), tight);
            assertThat(c).isInstanceOf(Compilation.Compiled.class);
            CompiledPolicy p = ((Compilation.Compiled) c).policy();
            assertThat(p.grantedStates()).isEqualTo(-1);
            Decision d = p.decide("s3:GetObject3", "arn:aws:s3:::bucket-3/secret/x");
            assertThat(d.verdict()).isEqualTo(Verdict.EXPLICIT_DENY);
            assertThat(d.deciding()).extracting(StatementRef::index).containsExactly(50);
            assertThat(p.decide("s3:GetObject3", "arn:aws:s3:::bucket-3/x").deciding())
                    .extracting(StatementRef::index).containsExactly(3);
            assertThat(p.checkAccessNotGranted(List.of(new AccessEntry(List.of("s3:GetObject3"),
                    List.of("arn:aws:s3:::bucket-3/secret/*")))).result()).isEqualTo(CheckResult.PASS);
            AccessCheckResult r = p.checkAccessNotGranted(List.of(AccessEntry.resources("arn:aws:s3:::bucket-4/*")));
            assertThat(r.result()).isEqualTo(CheckResult.FAIL);
            assertThat(r.exampleResource()).contains("arn:aws:s3:::bucket-4/");
            assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(4);
            assertThat(p.checkAccessNotGranted(List.of(AccessEntry.actions("iam:*"))).result())
                    .isEqualTo(CheckResult.PASS);
        });
    }

    @Test
    void aThousandStatementPolicyIsComparedWithItsWideningStatementByStatement() {
        PolicyInput large = com.amply.policysuite.access.bench.AccessBenchmark.largePolicy(1_000, new Random(42));
        List<AccessStatement> widened = new ArrayList<>(large.statements());
        widened.add(allow(1_000, List.of("s3:GetThing3"), List.of("arn:aws:s3:eu-central-1:123456789012:team-1/new")));
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            CompiledPolicy existing = ((Compilation.Compiled) CompiledPolicy.compile(large, Budget.defaults())).policy();
            CompiledPolicy updated = ((Compilation.Compiled) CompiledPolicy.compile(new PolicyInput(widened),
                    Budget.defaults())).policy();
            NoNewAccessResult same = existing.newAccessComparedTo(existing);
            assertThat(same.result()).as(same.message()).isEqualTo(CheckResult.PASS);
            NoNewAccessResult added = updated.newAccessComparedTo(existing);
            assertThat(added.tooComplex()).isFalse();
            // Statement 1,000 adds access unless an existing statement already grants it or a Deny blocks it.
            boolean alreadyAllowed = existing.decide("s3:GetThing3",
                    "arn:aws:s3:eu-central-1:123456789012:team-1/new").allowed();
            assertThat(added.result()).isEqualTo(alreadyAllowed ? CheckResult.PASS : CheckResult.FAIL);
            if (!alreadyAllowed) {
                assertThat(added.exampleResource()).contains("arn:aws:s3:eu-central-1:123456789012:team-1/new");
                assertThat(added.reasons()).extracting(Reason::statementIndex).containsExactly(1_000);
            }
            assertThat(updated.removedAccessComparedTo(existing).result()).isEqualTo(CheckResult.PASS);
        });
    }

    @Test
    void aTightWorkBudgetAnswersTooComplexNeverPass() {
        List<AccessStatement> statements = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statements.add(allow(i, List.of("s3:*"), List.of("*" + Integer.toBinaryString(i + 64) + "?*")));
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            AccessCheckResult r = AccessAnalyzer.checkAccessNotGranted(new PolicyInput(statements),
                    List.of(AccessEntry.actions("iam:*")), Budget.defaults().withMaxWorkUnits(20_000));
            assertThat(r.result()).isEqualTo(CheckResult.FAIL);
            assertThat(r.tooComplex()).isTrue();
        });
    }

    @Test
    void aHundredThousandStatementsAreRejectedByTheStatementLimit() {
        List<AccessStatement> statements = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            statements.add(allow(i, List.of("s3:GetObject"), List.of("arn:aws:s3:::bucket-" + i + "/*")));
        }
        PolicyInput policy = new PolicyInput(statements);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            AccessCheckResult r = AccessAnalyzer.checkAccessNotGranted(policy,
                    List.of(AccessEntry.actions("iam:*")), Budget.defaults());
            assertThat(r.result()).isEqualTo(CheckResult.FAIL);
            assertThat(r.tooComplex()).isTrue();
            assertThat(r.message()).contains("100000 statements");
        });
    }

    @Test
    void aHundredThousandStatementsWithoutAStatementLimitStillStopAtTheWorkBudget() {
        List<AccessStatement> statements = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            statements.add(allow(i, List.of("s3:Get*"), List.of("*bucket-" + i + "*")));
        }
        PolicyInput policy = new PolicyInput(statements);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            AccessCheckResult r = AccessAnalyzer.checkAccessNotGranted(policy,
                    List.of(AccessEntry.actions("iam:*")), Budget.defaults().withMaxStatements(1_000_000));
            assertThat(r.passed() || r.tooComplex()).as(r.message()).isTrue();
        });
    }
}
