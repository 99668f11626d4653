package com.amply.policysuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** validate-policy mirrors Access Analyzer's response shape and covers the problems the issue lists. */
class ValidatePolicyCommandTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/database-url-??????";

    @TempDir
    Path dir;

    private record Result(int exitCode, JsonNode json) {
        List<String> codes() {
            List<String> out = new ArrayList<>();
            json.get("findings").forEach(f -> out.add(f.get("findingType").stringValue() + " " + f.get("issueCode").stringValue()));
            return out;
        }
    }

    private Result validate(String policy) throws Exception {
        Path file = dir.resolve("p" + System.nanoTime() + ".json");
        Files.writeString(file, policy);
        CliRun run = CliRun.of("validate-policy", "--policy-document", "file://" + file);
        assertThat(run.err()).isEmpty();
        return new Result(run.exitCode(), MAPPER.readTree(run.out()));
    }

    private static String statement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + body + "]}";
    }

    @Test
    void this_repository_policies_have_no_findings() throws Exception {
        for (String file : List.of("policies/prod/api-execution.json", "policies/ci/deploy.json", "policies/drift-check/read-only.json")) {
            CliRun run = CliRun.of("validate-policy", "--policy-document", "file://" + file);
            assertThat(run.out()).as(file).isEqualTo("{\n  \"findings\" : [ ]\n}\n");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void a_finding_has_access_analyzers_shape_with_path_and_span() throws Exception {
        Result r = validate("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Alow\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"*\"}\n}");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode f = r.json().get("findings").get(0);
        assertThat(f.get("findingType").stringValue()).isEqualTo("ERROR");
        assertThat(f.get("issueCode").stringValue()).isEqualTo("INVALID_EFFECT");
        assertThat(f.get("findingDetails").stringValue()).isEqualTo("Effect must be \"Allow\" or \"Deny\" (case-sensitive).");
        assertThat(f.get("learnMoreLink").stringValue()).startsWith("https://docs.aws.amazon.com/IAM/latest/UserGuide/");
        JsonNode location = f.get("locations").get(0);
        assertThat(location.get("path").toString()).isEqualTo("[{\"value\":\"Statement\"},{\"value\":\"Effect\"}]");
        assertThat(location.get("span").toString()).isEqualTo(
                "{\"start\":{\"line\":3,\"column\":26,\"offset\":55},\"end\":{\"line\":3,\"column\":32,\"offset\":61}}");
    }

    @Test
    void missing_and_old_versions_are_warnings() throws Exception {
        assertThat(validate("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}").codes())
                .containsExactly("WARNING MISSING_VERSION");
        Result old = validate("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}");
        assertThat(old.codes()).containsExactly("WARNING OBSOLETE_VERSION");
        assertThat(old.exitCode()).isZero();
    }

    @Test
    void grammar_errors_are_reported() throws Exception {
        Result r = validate(statement("{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"NotAction\":\"s3:PutObject\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"));
        assertThat(r.codes()).containsExactly("ERROR UNSUPPORTED_ELEMENT_COMBINATION", "ERROR UNIQUE_SIDS_REQUIRED");
    }

    @Test
    void unknown_services_actions_operators_and_keys_and_malformed_arns_are_errors() throws Exception {
        Result r = validate(statement("{\"Effect\":\"Allow\",\"Action\":[\"secretmanager:GetSecretValue\",\"secretsmanager:GetSecretValu\"],"
                + "\"Resource\":\"arn:aws:secretsmanager:eu-central-1\",\"Condition\":{\"StringEqualz\":{\"aws:SourceVpc\":\"v\"},"
                + "\"StringEquals\":{\"secretsmanager:Nope\":\"x\"}}}"));
        assertThat(r.codes()).containsExactly("ERROR INVALID_SERVICE", "ERROR INVALID_ACTION", "ERROR MISSING_ARN_FIELD",
                "ERROR INVALID_CONDITION_OPERATOR", "ERROR INVALID_SERVICE_CONDITION_KEY");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void an_unsupported_resource_type_and_an_inapplicable_condition_key_are_warnings() throws Exception {
        Result r = validate(statement("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"arn:aws:iam::123456789012:role/x\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ecs.amazonaws.com\"}}}"));
        assertThat(r.codes()).containsExactly("WARNING UNSUPPORTED_RESOURCE_ARN_IN_POLICY", "WARNING CONDITION_KEY_NOT_APPLICABLE");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void broad_grants_are_security_warnings() throws Exception {
        Result r = validate(statement("{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\",\"iam:PassRole\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"" + SECRET + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:DescribeSecret\",\"NotResource\":\"" + SECRET + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:ListSecrets\",\"Resource\":\"*\"}"));
        assertThat(r.codes()).containsExactly("SECURITY_WARNING STAR_RESOURCE_ON_SECRETS_ACTION",
                "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE", "SECURITY_WARNING ALLOW_WITH_NOT_ACTION",
                "SECURITY_WARNING ALLOW_WITH_NOT_RESOURCE");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void a_syntax_error_or_duplicate_key_is_a_located_finding_not_a_crash() throws Exception {
        Result truncated = validate("{\"Version\":\"2012-10-17\",\n\"Statement\":[");
        assertThat(truncated.codes()).containsExactly("ERROR JSON_SYNTAX_ERROR");
        assertThat(truncated.json().get("findings").get(0).get("locations").get(0).get("span").get("start").get("line").asInt()).isEqualTo(2);
        assertThat(validate("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\",\"Statement\":[]}").codes())
                .containsExactly("ERROR DUPLICATE_KEY");
    }

    @Test
    void bad_arguments_are_exit_2() {
        assertThat(CliRun.of("validate-policy", "--policy-document", "file:///nonexistent.json").exitCode()).isEqualTo(2);
        CliRun type = CliRun.of("validate-policy", "--policy-document", "{}", "--policy-type", "RESOURCE_POLICY");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("only IDENTITY_POLICY is");
    }
}
