package com.amply.policysuite.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.drift.PolicyEquivalence.LabelledPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CanonicalPolicyEquivalenceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PolicyEquivalence equivalence = new CanonicalPolicyEquivalence();

    static LabelledPolicy policy(String label, String json) {
        return new LabelledPolicy(label, JSON.readTree(json));
    }

    private PolicyEquivalence.Verdict compare(String repository, String live) {
        return equivalence.compare(List.of(policy("repo.json", repository)), List.of(policy("inline policy p", live)));
    }

    private static final String BASE = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"A","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:s:amply/prod/*"},
             {"Sid":"B","Effect":"Allow","Action":["ecs:DescribeServices","ecs:UpdateService"],"Resource":["arn:e:1","arn:e:2"]},
             {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:r:*",
              "Condition":{"StringEquals":{"iam:PassedToService":["ecs-tasks.amazonaws.com","ecs.amazonaws.com"]}}}]}
            """;

    @Test
    void reordered_statements_lists_case_sids_and_string_for_one_element_array_are_equivalent() {
        String live = """
                {"Statement":[
                 {"Effect":"Allow","Action":"iam:passrole","Resource":["arn:r:*"],
                  "Condition":{"StringEquals":{"IAM:PassedToService":["ecs.amazonaws.com","ecs-tasks.amazonaws.com"]}}},
                 {"Effect":"Allow","Action":["ECS:UpdateService"],"Resource":["arn:e:2","arn:e:1"]},
                 {"Sid":"Other","Effect":"Allow","Action":["ecs:DescribeServices"],"Resource":["arn:e:1","arn:e:2"]},
                 {"Effect":"Allow","Action":["secretsmanager:GetSecretValue"],"Resource":["arn:s:amply/prod/*"]}],
                 "Version":"2012-10-17"}
                """;
        assertThat(compare(BASE, live)).isEqualTo(PolicyEquivalence.Verdict.same());
    }

    @Test
    void a_statement_as_an_object_equals_a_one_element_statement_array() {
        assertThat(compare("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:b/*"}}""", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:b/*"]}]}""")
                .equivalent()).isTrue();
    }

    @Test
    void a_widened_resource_is_new_access_and_the_narrow_one_removed_access() {
        String live = BASE.replace("arn:s:amply/prod/*", "arn:s:amply/*");
        assertThat(compare(BASE, live).differences()).containsExactly(
                "live inline policy p allows secretsmanager:getsecretvalue on arn:s:amply/*; the repository does not",
                "repo.json allows secretsmanager:getsecretvalue on arn:s:amply/prod/*; the live role does not");
    }

    @Test
    void an_added_action_is_reported_with_the_resources_it_reaches() {
        String live = BASE.replace("\"ecs:UpdateService\"]", "\"ecs:UpdateService\",\"ecs:DeleteService\"]");
        assertThat(compare(BASE, live).differences()).containsExactly(
                "live inline policy p allows ecs:deleteservice on arn:e:1; the repository does not",
                "live inline policy p allows ecs:deleteservice on arn:e:2; the repository does not");
    }

    @Test
    void a_changed_condition_is_a_difference() {
        String live = BASE.replace("\"ecs.amazonaws.com\"", "\"lambda.amazonaws.com\"");
        assertThat(compare(BASE, live).equivalent()).isFalse();
    }

    @Test
    void deny_and_not_action_statements_keep_their_meaning() {
        String repo = """
                {"Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}]}""";
        assertThat(compare(repo, """
                {"Statement":[{"Effect":"Deny","NotAction":["sts:*","IAM:*"],"Resource":["*"]}]}""").equivalent()).isTrue();
        assertThat(compare(repo, """
                {"Statement":[{"Effect":"Deny","Action":["sts:*","iam:*"],"Resource":["*"]}]}""").differences()).containsExactly(
                "live inline policy p denies iam:*, sts:* on *; the repository does not",
                "repo.json denies every action except [iam:*,sts:*] on *; the live role does not");
    }

    @Test
    void statements_moved_between_policies_are_not_drift() {
        String one = """
                {"Statement":[{"Effect":"Allow","Action":"a:b","Resource":"x"},{"Effect":"Allow","Action":"c:d","Resource":"y"}]}""";
        assertThat(equivalence.compare(List.of(policy("repo.json", one)), List.of(
                policy("inline policy p", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"a:b\",\"Resource\":\"x\"}}"),
                policy("managed policy m", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"c:d\",\"Resource\":\"y\"}}"))))
                .isEqualTo(PolicyEquivalence.Verdict.same());
    }
}
