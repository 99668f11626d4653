package com.amply.policysuite.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessSemanticsTest {
    static final String SECRETS = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:";
    static final String GET_SECRET = "secretsmanager:GetSecretValue";

    static CompiledPolicy compile(AccessStatement... statements) {
        Compilation c = CompiledPolicy.compile(PolicyInput.of(statements), Budget.defaults());
        assertThat(c).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) c).policy();
    }

    static AccessStatement allow(int index, List<String> actions, List<String> resources) {
        return AccessStatement.of(index, Effect.ALLOW, actions, resources);
    }

    static AccessStatement deny(int index, List<String> actions, List<String> resources) {
        return AccessStatement.of(index, Effect.DENY, actions, resources);
    }

    static AccessStatement withConditions(AccessStatement s, Map<String, Map<String, List<String>>> conditions) {
        return new AccessStatement(s.index(), s.sid(), s.effect(), s.actions(), s.notAction(), s.resources(),
                s.notResource(), conditions);
    }

    static AccessCheckResult check(CompiledPolicy p, List<String> actions, List<String> resources) {
        return p.checkAccessNotGranted(List.of(new AccessEntry(actions, resources)));
    }

    static List<Integer> indexes(List<StatementRef> refs) {
        return refs.stream().map(StatementRef::index).toList();
    }

    // ---- Wildcards
    @Test
    void wideningToAllAmplySecretsExposesProductionWithAnExampleUnderProd() {
        CompiledPolicy p = compile(allow(0, List.of(GET_SECRET), List.of(SECRETS + "amply/*")));
        AccessCheckResult r = check(p, List.of(GET_SECRET), List.of(SECRETS + "amply/prod/*"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains(GET_SECRET);
        assertThat(r.exampleResource()).contains(SECRETS + "amply/prod/");
        assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(0);
        assertThat(r.reasons().get(0).description()).isEqualTo(CompiledPolicy.GRANTS);
    }

    @Test
    void starMatchesAcrossSlashesAndColons() {
        CompiledPolicy p = compile(allow(0, List.of("s3:*"), List.of("arn:*")));
        assertThat(p.decide("s3:GetObject", "arn:aws:s3:::bucket/a/b/c").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(p.decide("s3:GetObject", "ARN:aws").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        CompiledPolicy p = compile(allow(0, List.of("s3:GetObject"), List.of("arn:x:bucket-?")));
        assertThat(p.decide("s3:GetObject", "arn:x:bucket-1").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(p.decide("s3:GetObject", "arn:x:bucket-/").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(p.decide("s3:GetObject", "arn:x:bucket-").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(p.decide("s3:GetObject", "arn:x:bucket-12").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(p.decide("s3:GetObjecX", "arn:x:bucket-1").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
    }

    @Test
    void wildcardRequestResourcePicksTheShortestReachableArn() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        AccessCheckResult r = check(p, List.of(GET_SECRET), List.of(SECRETS + "amply/*"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleResource()).contains(SECRETS + "amply/sandbox/");
        assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(0);
    }

    @Test
    void wildcardRequestActionReportsARealActionSpelling() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        AccessCheckResult r = check(p, List.of("secretsmanager:Get*"), List.of(SECRETS + "amply/staging/db"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains(GET_SECRET);
        assertThat(r.exampleResource()).contains(SECRETS + "amply/staging/db");
    }

    @Test
    void wildcardRequestActionThatMatchesNothingGrantedPasses() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        assertThat(check(p, List.of("secretsmanager:Put*", "s3:*"), List.of()).result())
                .isEqualTo(CheckResult.PASS);
    }

    @Test
    void questionMarkInTheRequestStandsForOneCharacter() {
        CompiledPolicy p = compile(allow(0, List.of("s3:GetObject"), List.of("arn:x:ab")));
        assertThat(check(p, List.of("s3:GetObject"), List.of("arn:x:?")).result()).isEqualTo(CheckResult.PASS);
        AccessCheckResult r = check(p, List.of("s3:GetObjec?"), List.of("arn:x:??"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains("s3:GetObject");
        assertThat(r.exampleResource()).contains("arn:x:ab");
    }

    // ---- CaseSensitivity
    @Test
    void actionsCompareCaseInsensitively() {
        CompiledPolicy p = compile(allow(0, List.of("SecretsManager:getsecretvalue"), List.of("*")));
        assertThat(p.decide("SECRETSMANAGER:GETSECRETVALUE", "x").verdict()).isEqualTo(Verdict.ALLOWED);
        AccessCheckResult r = check(p, List.of(GET_SECRET), List.of(SECRETS + "amply/prod/db"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains(GET_SECRET);
    }

    @Test
    void resourcesCompareCaseSensitively() {
        CompiledPolicy p = compile(allow(0, List.of(GET_SECRET), List.of(SECRETS + "Amply/*")));
        assertThat(check(p, List.of(GET_SECRET), List.of(SECRETS + "amply/*")).result())
                .isEqualTo(CheckResult.PASS);
        assertThat(p.decide(GET_SECRET, SECRETS + "amply/x").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(p.decide(GET_SECRET, SECRETS + "Amply/x").verdict()).isEqualTo(Verdict.ALLOWED);
    }

    // ---- NotElements
    @Test
    void notResourceAllowsEverythingOutsideTheListedResources() {
        CompiledPolicy p = compile(new AccessStatement(0, "AllButSecret", Effect.ALLOW, List.of("s3:GetObject"),
                false, List.of("arn:aws:s3:::secret-bucket/*"), true, Map.of()));
        assertThat(p.decide("s3:GetObject", "arn:aws:s3:::secret-bucket/a").verdict())
                .isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(p.decide("s3:GetObject", "arn:aws:s3:::public/a").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(check(p, List.of("s3:GetObject"), List.of("arn:aws:s3:::secret-bucket/*")).result())
                .isEqualTo(CheckResult.PASS);
        AccessCheckResult r = check(p, List.of("s3:GetObject"), List.of("arn:aws:s3:::*"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleResource()).contains("arn:aws:s3:::");
        assertThat(r.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.statementIndex()).isZero();
            assertThat(reason.statementId()).isEqualTo("AllButSecret");
        });
    }

    @Test
    void notActionAllowsEveryActionExceptTheListedOnes() {
        CompiledPolicy p = compile(new AccessStatement(0, null, Effect.ALLOW, List.of("iam:*"), true,
                List.of("*"), false, Map.of()));
        assertThat(p.decide("IAM:CreateUser", "*").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(p.decide("s3:GetObject", "arn:aws:s3:::b/k").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(check(p, List.of("iam:*"), List.of()).result()).isEqualTo(CheckResult.PASS);
        AccessCheckResult r = check(p, List.of("s3:*"), List.of());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains("s3:");
    }

    @Test
    void denyWithNotActionBlocksEverythingElse() {
        CompiledPolicy p = compile(allow(0, List.of("*"), List.of("*")),
                new AccessStatement(1, null, Effect.DENY, List.of("s3:Get*"), true, List.of("*"), false, Map.of()));
        assertThat(p.decide("s3:GetObject", "a").verdict()).isEqualTo(Verdict.ALLOWED);
        Decision d = p.decide("s3:PutObject", "a");
        assertThat(d.verdict()).isEqualTo(Verdict.EXPLICIT_DENY);
        assertThat(indexes(d.deciding())).containsExactly(1);
    }

    // ---- PolicyVariables
    @Test
    void variableInAnAllowedResourceMayStandForAnyValue() {
        CompiledPolicy p = compile(allow(0, List.of("s3:GetObject"), List.of("arn:aws:s3:::home/${aws:username}/*")));
        AccessCheckResult r = check(p, List.of("s3:GetObject"), List.of("arn:aws:s3:::home/alice/notes.txt"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.reasons()).singleElement().satisfies(reason ->
                assertThat(reason.description()).contains("Policy variables").contains("over-approximation"));
        assertThat(check(p, List.of("s3:GetObject"), List.of("arn:aws:s3:::other/*")).result())
                .isEqualTo(CheckResult.PASS);
    }

    @Test
    void denyWithAVariableDoesNotBlockOtherUsersResources() {
        CompiledPolicy p = compile(allow(0, List.of("s3:*"), List.of("*")),
                deny(1, List.of("s3:DeleteObject"), List.of("arn:aws:s3:::home/${aws:username}/*")));
        AccessCheckResult r = check(p, List.of("s3:DeleteObject"), List.of("arn:aws:s3:::home/bob/x"));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(0, 1);
        Decision d = p.decide("s3:DeleteObject", "arn:aws:s3:::home/bob/x");
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(indexes(d.conditionalDenies())).containsExactly(1);
    }

    @Test
    void escapedWildcardsAreLiteralCharacters() {
        CompiledPolicy p = compile(allow(0, List.of("s3:GetObject"), List.of("arn:x:${*}${?}${$}")));
        assertThat(p.decide("s3:GetObject", "arn:x:*?$").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(p.decide("s3:GetObject", "arn:x:ab$").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(check(p, List.of("s3:GetObject"), List.of("arn:x:a*")).result()).isEqualTo(CheckResult.PASS);
    }

    // ---- Denies
    @Test
    void unconditionalDenyWinsOverAllow() {
        CompiledPolicy p = compile(allow(0, List.of("secretsmanager:*"), List.of("*")),
                deny(1, List.of(GET_SECRET), List.of(SECRETS + "amply/prod/*")));
        Decision d = p.decide(GET_SECRET, SECRETS + "amply/prod/db");
        assertThat(d.verdict()).isEqualTo(Verdict.EXPLICIT_DENY);
        assertThat(indexes(d.deciding())).containsExactly(1);
        assertThat(check(p, List.of(GET_SECRET), List.of(SECRETS + "amply/prod/*")).result())
                .isEqualTo(CheckResult.PASS);
        AccessCheckResult staging = check(p, List.of(GET_SECRET), List.of(SECRETS + "amply/staging/*"));
        assertThat(staging.result()).isEqualTo(CheckResult.FAIL);
        assertThat(staging.reasons()).extracting(Reason::statementIndex).containsExactly(0);
    }

    @Test
    void denyWithAConditionDoesNotBlockAnUnconditionalAllow() {
        CompiledPolicy p = compile(allow(0, List.of("s3:GetObject"), List.of("*")),
                withConditions(deny(1, List.of("s3:GetObject"), List.of("*")),
                        Map.of("Bool", Map.of("aws:SecureTransport", List.of("false")))));
        Decision d = p.decide("s3:GetObject", "arn:aws:s3:::b/k");
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(indexes(d.deciding())).containsExactly(0);
        assertThat(indexes(d.conditionalDenies())).containsExactly(1);
        assertThat(d.dependsOnConditions()).isTrue();
        AccessCheckResult r = check(p, List.of("s3:GetObject"), List.of());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(0, 1);
        assertThat(r.reasons().get(1).description()).contains("assumed not to apply");
    }

    @Test
    void withoutAnyAllowEverythingIsImplicitlyDenied() {
        CompiledPolicy p = compile(deny(0, List.of("*"), List.of("*")));
        assertThat(p.decide("s3:GetObject", "x").verdict()).isEqualTo(Verdict.EXPLICIT_DENY);
        CompiledPolicy empty = compile();
        Decision d = empty.decide("s3:GetObject", "x");
        assertThat(d.verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(d.deciding()).isEmpty();
        assertThat(check(empty, List.of("*"), List.of("*")).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void allMatchingAllowStatementsAreReportedAsDeciding() {
        CompiledPolicy p = compile(allow(0, List.of("s3:Get*"), List.of("*")),
                allow(1, List.of("ec2:*"), List.of("*")),
                allow(2, List.of("*"), List.of("arn:aws:s3:::b/*")));
        assertThat(indexes(p.decide("s3:GetObject", "arn:aws:s3:::b/k").deciding())).containsExactly(0, 2);
        assertThat(indexes(p.decide("ec2:RunInstances", "arn:aws:s3:::b/k").deciding())).containsExactly(1, 2);
        assertThat(indexes(p.decide("ec2:RunInstances", "x").deciding())).containsExactly(1);
    }

    // ---- Conditions
    static final AccessStatement BASE = allow(0, List.of(GET_SECRET), List.of("*"));

    @Test
    void allowWithSatisfiableConditionsMayGrantAndSaysSo() {
        CompiledPolicy p = compile(withConditions(BASE, Map.of(
                "StringEquals", Map.of("aws:PrincipalTag/team", List.of("a")),
                "StringNotEquals", Map.of("aws:PrincipalTag/team", List.of("b")))));
        AccessCheckResult r = check(p, List.of(GET_SECRET), List.of());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.statementIndex()).isZero();
            assertThat(reason.description()).contains("conditions").contains("over-approximation");
        });
        Decision d = p.decide(GET_SECRET, "x");
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(d.dependsOnConditions()).isTrue();
    }

    @Test
    void allowWhoseKeyMustEqualAndDifferFromTheSameValueNeverGrants() {
        CompiledPolicy p = compile(withConditions(BASE, Map.of(
                "StringEquals", Map.of("aws:PrincipalTag/team", List.of("a")),
                "StringNotEquals", Map.of("aws:principaltag/team", List.of("a")))));
        assertThat(check(p, List.of(GET_SECRET), List.of()).result()).isEqualTo(CheckResult.PASS);
        assertThat(p.decide(GET_SECRET, "x").verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
    }

    @Test
    void allowRequiringAKeyToBeAbsentAndToHaveAValueNeverGrants() {
        CompiledPolicy p = compile(withConditions(BASE, Map.of(
                "Null", Map.of("aws:ResourceTag/env", List.of("true")),
                "StringLike", Map.of("aws:ResourceTag/env", List.of("prod*")))));
        assertThat(check(p, List.of(GET_SECRET), List.of()).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void allowWithAnEmptyValueListNeverGrants() {
        CompiledPolicy p = compile(withConditions(BASE, Map.of(
                "StringEquals", Map.of("aws:RequestedRegion", List.of()))));
        assertThat(check(p, List.of(GET_SECRET), List.of()).result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void negatedOrIfExistsOperatorsAreGivenTheBenefitOfTheDoubt() {
        CompiledPolicy p = compile(withConditions(BASE, Map.of(
                "StringNotEquals", Map.of("aws:RequestedRegion", List.of()),
                "Null", Map.of("aws:ResourceTag/env", List.of("true")),
                "StringEqualsIfExists", Map.of("aws:ResourceTag/env", List.of("prod")))));
        assertThat(check(p, List.of(GET_SECRET), List.of()).result()).isEqualTo(CheckResult.FAIL);
    }

    // ---- EntryShapes
    @Test
    void resourceOnlyEntryMeansAnyAction() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        AccessCheckResult r = p.checkAccessNotGranted(List.of(AccessEntry.resources(SECRETS + "amply/staging/x")));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains(GET_SECRET);
        assertThat(r.exampleResource()).contains(SECRETS + "amply/staging/x");
        assertThat(p.checkAccessNotGranted(List.of(AccessEntry.resources(SECRETS + "amply/prod/x"))).result())
                .isEqualTo(CheckResult.PASS);
    }

    @Test
    void actionOnlyEntryMeansAnyResource() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        AccessCheckResult r = p.checkAccessNotGranted(List.of(AccessEntry.actions("secretsmanager:getSecretValue")));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains("secretsmanager:getSecretValue");
        assertThat(r.exampleResource()).contains(SECRETS + "amply/sandbox/");
        assertThat(p.checkAccessNotGranted(List.of(AccessEntry.actions("secretsmanager:DeleteSecret"))).result())
                .isEqualTo(CheckResult.PASS);
    }

    @Test
    void anyFailingEntryFailsTheCheck() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        AccessCheckResult r = p.checkAccessNotGranted(List.of(AccessEntry.actions("s3:*"),
                AccessEntry.resources(SECRETS + "amply/sandbox/key")));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleResource()).contains(SECRETS + "amply/sandbox/key");
    }

    @Test
    void entryWithNeitherActionsNorResourcesIsAnInputErrorNotAPass() {
        CompiledPolicy p = CiRoleExampleTest.compile(CiRoleExampleTest.CI_ROLE);
        AccessCheckResult r = p.checkAccessNotGranted(List.of(new AccessEntry(List.of(), List.of())));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.tooComplex()).isFalse();
        assertThat(r.message()).contains("neither actions nor resources");
        assertThat(p.checkAccessNotGranted(List.of()).result()).isEqualTo(CheckResult.FAIL);
    }

    @Test
    void catalogOnlyImprovesTheExample() {
        CompiledPolicy plain = compile(allow(0, List.of("s3:*"), List.of("*")));
        assertThat(check(plain, List.of("s3:*"), List.of()).exampleAction()).contains("s3:");
        Compilation c = CompiledPolicy.compile(PolicyInput.of(allow(0, List.of("s3:*"), List.of("*"))),
                Budget.defaults(), ActionCatalog.of(List.of("iam:CreateUser", "s3:PutObject", "s3:GetObject")));
        CompiledPolicy withCatalog = ((Compilation.Compiled) c).policy();
        assertThat(check(withCatalog, List.of("s3:*"), List.of()).exampleAction()).contains("s3:GetObject");
        // An action unknown to the catalog is still found: the catalog never decides PASS.
        AccessCheckResult unknown = check(withCatalog, List.of("s3:BrandNewAction"), List.of());
        assertThat(unknown.result()).isEqualTo(CheckResult.FAIL);
        assertThat(unknown.exampleAction()).contains("s3:BrandNewAction");
    }

    // ---- BadInput
    @Test
    void nullPatternIsReportedAsUnsupportedInputNotThrown() {
        Compilation c = CompiledPolicy.compile(PolicyInput.of(allow(0, java.util.Arrays.asList("s3:*", null),
                List.of("*"))), Budget.defaults());
        assertThat(c).isInstanceOfSatisfying(Compilation.Unanalysable.class,
                u -> assertThat(u.kind()).isEqualTo(Compilation.Kind.UNSUPPORTED_INPUT));
        AccessCheckResult r = AccessAnalyzer.checkAccessNotGranted(PolicyInput.of(allow(0,
                java.util.Arrays.asList("s3:*", null), List.of("*"))), List.of(AccessEntry.actions("s3:*")),
                Budget.defaults());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
    }

    @Test
    void controlCharactersInAPolicyAreUnsupported() {
        Compilation c = CompiledPolicy.compile(PolicyInput.of(allow(0, List.of("s3:\u0001*"), List.of("*"))),
                Budget.defaults());
        assertThat(c).isInstanceOf(Compilation.Unanalysable.class);
    }

    @Test
    void controlCharactersInARequestAreStillMatchedByWildcards() {
        CompiledPolicy p = compile(allow(0, List.of("s3:*"), List.of("*")));
        assertThat(p.decide("s3:\u0001x", "a\u0001b").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(p.decide(null, null).verdict()).isEqualTo(Verdict.IMPLICIT_DENY);
    }
}
