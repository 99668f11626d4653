package com.amply.policysuite.drift;

import static com.amply.policysuite.drift.CanonicalPolicyEquivalenceTest.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.access.Budget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The access-based comparison and the layered one the drift check uses. */
class AccessPolicyEquivalenceTest {
    private static final String DEPLOY = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"ReadNonProdSecrets","Effect":"Allow","Action":"secretsmanager:GetSecretValue",
              "Resource":["arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*",
                          "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/sandbox/*"]},
             {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/amply-staging-*",
              "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]}
            """;
    private static final String WIDENED = DEPLOY.replace("""
            ["arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*",
                          "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/sandbox/*"]""",
            "\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/*\"");

    private final PolicyEquivalence access = new AccessPolicyEquivalence();
    private final PolicyEquivalence layered = PolicyEquivalences.standard();

    private static PolicyEquivalence.Verdict compare(PolicyEquivalence e, String repository, String live) {
        return e.compare(List.of(policy("policies/ci/deploy.json", repository)), List.of(policy("inline policy deploy", live)));
    }

    @Test
    void a_widened_resource_is_new_access_with_an_example_and_the_statement_it_comes_from() {
        assertThat(WIDENED).contains("secret:amply/*\"");
        assertThat(compare(access, DEPLOY, WIDENED).differences()).containsExactly("live policies grant access the"
                + " repository does not, e.g. secretsmanager:GetSecretValue on"
                + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/ (from inline policy deploy statement"
                + " ReadNonProdSecrets)");
    }

    @Test
    void removed_access_is_found_in_the_other_direction() {
        assertThat(compare(access, WIDENED, DEPLOY).differences()).singleElement().asString()
                .startsWith("the live role lacks access the repository grants, e.g. secretsmanager:GetSecretValue on")
                .endsWith("(from policies/ci/deploy.json statement ReadNonProdSecrets)");
    }

    @Test
    void the_same_access_written_differently_is_equivalent() {
        String reordered = """
                {"Statement":[
                 {"Effect":"Allow","Action":["IAM:passrole"],"Resource":["arn:aws:iam::123456789012:role/amply-staging-*"],
                  "Condition":{"StringEquals":{"iam:PassedToService":["ecs-tasks.amazonaws.com"]}}},
                 {"Effect":"Allow","Action":["secretsmanager:GetSecretValue"],
                  "Resource":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/sandbox/*"},
                 {"Effect":"Allow","Action":"secretsmanager:GetSecretValue",
                  "Resource":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*"}]}
                """;
        assertThat(compare(access, DEPLOY, reordered).equivalent()).isTrue();
        assertThat(compare(layered, DEPLOY, reordered).equivalent()).isTrue();
    }

    @Test
    void an_action_already_covered_by_a_wildcard_is_not_drift_for_the_layered_comparison() {
        String wildcard = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:BatchGet*\",\"Resource\":\"*\"}]}";
        String redundant = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGet*\",\"ecr:BatchGetImage\"],"
                + "\"Resource\":\"*\"}]}";
        assertThat(compare(new CanonicalPolicyEquivalence(), wildcard, redundant).equivalent()).as("by form").isFalse();
        assertThat(compare(layered, wildcard, redundant).equivalent()).as("by access").isTrue();
    }

    @Test
    void when_access_differs_the_layered_comparison_reports_the_analysis_then_the_canonical_lines() {
        assertThat(compare(layered, DEPLOY, WIDENED).differences()).containsExactly(
                compare(access, DEPLOY, WIDENED).differences().get(0),
                "live inline policy deploy allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/*; the repository does not",
                "policies/ci/deploy.json allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/sandbox/*; the live role does not",
                "policies/ci/deploy.json allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*; the live role does not");
    }

    @Test
    void an_analysis_that_gives_up_is_drift_never_a_pass() {
        PolicyEquivalence starved = new AccessPolicyEquivalence(Budget.defaults().withMaxWorkUnits(1));
        PolicyEquivalence.Verdict v = compare(starved, DEPLOY, WIDENED);
        assertThat(v.equivalent()).isFalse();
        assertThat(v.differences()).allSatisfy(d -> assertThat(d).contains("could not decide"));
    }

    @Test
    void a_statement_with_an_unknown_effect_cannot_be_compared_and_is_drift() {
        String odd = "{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        assertThat(compare(access, DEPLOY, odd).differences()).containsExactly(
                "inline policy deploy has Effect \"allow\", neither Allow nor Deny; its access could not be compared");
    }
}
