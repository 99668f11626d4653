package com.amply.policysuite.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.amply.policysuite.access.AccessSemanticsTest.GET_SECRET;
import static com.amply.policysuite.access.AccessSemanticsTest.SECRETS;
import static com.amply.policysuite.access.AccessSemanticsTest.allow;
import static com.amply.policysuite.access.AccessSemanticsTest.deny;
import static com.amply.policysuite.access.AccessSemanticsTest.withConditions;
import static org.assertj.core.api.Assertions.assertThat;

class NoNewAccessTest {
    static final PolicyInput CI_ROLE = CiRoleExampleTest.CI_ROLE;
    static final PolicyInput WIDENED = PolicyInput.of(allow(0, List.of(GET_SECRET), List.of(SECRETS + "amply/*")));

    @Test
    void wideningTheCiRoleToAllAmplySecretsIsNewAccess() {
        NoNewAccessResult r = AccessAnalyzer.checkNoNewAccess(CI_ROLE, WIDENED, Budget.defaults());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.tooComplex()).isFalse();
        assertThat(r.exampleAction()).contains(GET_SECRET);
        assertThat(r.exampleResource()).contains(SECRETS + "amply/");
        assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(0);
    }

    @Test
    void wideningRemovesNothingAndNarrowingAddsNothing() {
        PolicyDiff widen = AccessAnalyzer.diff(CI_ROLE, WIDENED, Budget.defaults(), ActionCatalog.none());
        assertThat(widen.added().result()).isEqualTo(CheckResult.FAIL);
        assertThat(widen.removed().result()).isEqualTo(CheckResult.PASS);
        PolicyDiff narrow = AccessAnalyzer.diff(WIDENED, CI_ROLE, Budget.defaults(), ActionCatalog.none());
        assertThat(narrow.added().result()).isEqualTo(CheckResult.PASS);
        assertThat(narrow.removed().result()).isEqualTo(CheckResult.FAIL);
        assertThat(narrow.removed().exampleResource()).contains(SECRETS + "amply/");
        assertThat(narrow.removed().reasons()).extracting(Reason::statementIndex).containsExactly(0);
    }

    @Test
    void rewritingThePolicyWithTheSameMeaningIsNoNewAccess() {
        PolicyInput rewritten = PolicyInput.of(
                allow(0, List.of("SECRETSMANAGER:getsecretvalue"), List.of(SECRETS + "amply/sandbox/*")),
                allow(1, List.of(GET_SECRET), List.of(SECRETS + "amply/staging/*", SECRETS + "amply/staging/x*")));
        PolicyDiff diff = AccessAnalyzer.diff(CI_ROLE, rewritten, Budget.defaults(), ActionCatalog.none());
        assertThat(diff.added().result()).isEqualTo(CheckResult.PASS);
        assertThat(diff.removed().result()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void newStatementIsNamedAsResponsible() {
        PolicyInput updated = PolicyInput.of(CI_ROLE.statements().get(0),
                new AccessStatement(1, "AddedS3", Effect.ALLOW, List.of("s3:GetObject"), false,
                        List.of("arn:aws:s3:::artifacts/*"), false, Map.of()));
        NoNewAccessResult r = AccessAnalyzer.checkNoNewAccess(CI_ROLE, updated, Budget.defaults());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains("s3:GetObject");
        assertThat(r.exampleResource()).contains("arn:aws:s3:::artifacts/");
        assertThat(r.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.statementIndex()).isEqualTo(1);
            assertThat(reason.statementId()).isEqualTo("AddedS3");
        });
    }

    @Test
    void addingADenyIsNoNewAccessButRemovesAccess() {
        PolicyInput updated = PolicyInput.of(CI_ROLE.statements().get(0),
                deny(1, List.of("*"), List.of(SECRETS + "amply/sandbox/*")));
        PolicyDiff diff = AccessAnalyzer.diff(CI_ROLE, updated, Budget.defaults(), ActionCatalog.none());
        assertThat(diff.added().result()).isEqualTo(CheckResult.PASS);
        assertThat(diff.removed().result()).isEqualTo(CheckResult.FAIL);
        assertThat(diff.removed().exampleResource()).contains(SECRETS + "amply/sandbox/");
    }

    @Test
    void droppingAConditionFromAnAllowIsNewAccess() {
        Map<String, Map<String, List<String>>> mfa = Map.of("Bool", Map.of("aws:MultiFactorAuthPresent",
                List.of("true")));
        PolicyInput existing = PolicyInput.of(withConditions(allow(0, List.of(GET_SECRET), List.of("*")), mfa));
        PolicyInput updated = PolicyInput.of(allow(0, List.of(GET_SECRET), List.of("*")));
        assertThat(AccessAnalyzer.checkNoNewAccess(existing, updated, Budget.defaults()).result())
                .isEqualTo(CheckResult.FAIL);
        // The same condition block on both sides holds in exactly the same requests.
        assertThat(AccessAnalyzer.checkNoNewAccess(existing, existing, Budget.defaults()).result())
                .isEqualTo(CheckResult.PASS);
        // Adding a condition only narrows access.
        assertThat(AccessAnalyzer.checkNoNewAccess(updated, existing, Budget.defaults()).result())
                .isEqualTo(CheckResult.PASS);
    }

    @Test
    void makingADenyConditionalIsNewAccess() {
        PolicyInput existing = PolicyInput.of(allow(0, List.of("s3:*"), List.of("*")),
                deny(1, List.of("s3:DeleteBucket"), List.of("*")));
        PolicyInput updated = PolicyInput.of(allow(0, List.of("s3:*"), List.of("*")),
                withConditions(deny(1, List.of("s3:DeleteBucket"), List.of("*")),
                        Map.of("StringEquals", Map.of("aws:RequestedRegion", List.of("eu-central-1")))));
        NoNewAccessResult r = AccessAnalyzer.checkNoNewAccess(existing, updated, Budget.defaults());
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.exampleAction()).contains("s3:DeleteBucket");
    }

    @Test
    void identicalPoliciesWithVariablesAreComparedConservatively() {
        PolicyInput home = PolicyInput.of(allow(0, List.of("s3:*"), List.of("arn:aws:s3:::home/${aws:username}/*")));
        NoNewAccessResult r = AccessAnalyzer.checkNoNewAccess(home, home, Budget.defaults());
        // Sound but not complete: the variable's value is unknown, so access is not proven to be covered.
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason.description()).contains("conservatively"));
    }
}
