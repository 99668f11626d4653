package com.amply.policysuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** check-access-not-granted and check-no-new-access: AWS's shapes, exact answers, batch mode and exit codes. */
class AccessCommandsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String PROD = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/*";
    private static final String CI = "file://policies/ci/deploy.json";

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) {
        return MAPPER.readTree(run.out());
    }

    private Path widenedCi() throws Exception {
        Path p = dir.resolve("wide.json");
        Files.writeString(p, Files.readString(Path.of("policies/ci/deploy.json")).replace("amply/staging/*", "amply/*"));
        return p;
    }

    @Test
    void the_ci_role_cannot_reach_prod_but_reaches_staging() {
        CliRun prod = CliRun.of("check-access-not-granted", "--policy-document", CI, "--access",
                "[{\"actions\":[\"secretsmanager:GetSecretValue\"],\"resources\":[\"" + PROD + "\"]}]");
        assertThat(prod.exitCode()).isZero();
        assertThat(json(prod).get("result").stringValue()).isEqualTo("PASS");
        assertThat(json(prod).get("reasons").size()).isZero();
        CliRun staging = CliRun.of("check-access-not-granted", "--policy-document", CI, "--access",
                "[{\"actions\":[\"secretsmanager:GetSecretValue\"],\"resources\":"
                        + "[\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/database-url-AbCdEf\"]}]");
        assertThat(staging.exitCode()).isEqualTo(1);
        JsonNode r = json(staging);
        assertThat(r.get("result").stringValue()).isEqualTo("FAIL");
        assertThat(r.get("reasons").get(0).get("statementIndex").asInt()).isZero();
        assertThat(r.get("reasons").get(0).get("statementId").stringValue()).isEqualTo("ReadNonProdSecrets");
        assertThat(r.get("exampleAction").stringValue()).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(r.get("exampleResource").stringValue())
                .isEqualTo("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/database-url-AbCdEf");
    }

    @Test
    void widening_the_ci_role_to_amply_star_fails_with_a_prod_example() throws Exception {
        CliRun run = CliRun.of("check-access-not-granted", "--policy-document", "file://" + widenedCi(), "--access",
                "[{\"actions\":[\"secretsmanager:GetSecretValue\"],\"resources\":[\"" + PROD + "\"]}]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(json(run).get("exampleResource").stringValue())
                .startsWith("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/");
    }

    @Test
    void actions_only_asks_about_any_resource() {
        CliRun denied = CliRun.of("check-access-not-granted", "--policy-document", CI, "--access",
                "[{\"actions\":[\"secretsmanager:DeleteSecret\",\"iam:CreateRole\"]}]");
        assertThat(json(denied).get("result").stringValue()).isEqualTo("PASS");
        CliRun granted = CliRun.of("check-access-not-granted", "--policy-document", CI, "--access",
                "[{\"actions\":[\"iam:PassRole\"]}]");
        assertThat(json(granted).get("result").stringValue()).isEqualTo("FAIL");
        assertThat(json(granted).get("exampleAction").stringValue()).isEqualTo("iam:PassRole");
        assertThat(json(granted).get("reasons").toString()).contains("\"statementIndex\":3").contains("onditions");
    }

    @Test
    void no_new_access_shows_the_new_access_and_passes_the_reverse() throws Exception {
        CliRun widen = CliRun.of("check-no-new-access", "--existing-policy-document", CI, "--new-policy-document",
                "file://" + widenedCi());
        assertThat(widen.exitCode()).isEqualTo(1);
        JsonNode r = json(widen);
        assertThat(r.get("result").stringValue()).isEqualTo("FAIL");
        assertThat(r.get("exampleAction").stringValue()).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(r.get("exampleResource").stringValue()).startsWith("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/")
                .doesNotContain("amply/staging/").doesNotContain("amply/sandbox/");
        CliRun narrow = CliRun.of("check-no-new-access", "--existing-policy-document", "file://" + widenedCi(),
                "--new-policy-document", CI);
        assertThat(narrow.exitCode()).isZero();
        assertThat(json(narrow).get("result").stringValue()).isEqualTo("PASS");
    }

    @Test
    void a_batch_answers_each_line_with_its_id_in_input_order() throws Exception {
        String ci = Files.readString(Path.of("policies/ci/deploy.json"));
        String wide = Files.readString(widenedCi());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            ObjectNode req = MAPPER.createObjectNode();
            req.put("id", "r" + i);
            req.put("policyDocument", i % 2 == 0 ? ci : wide);
            req.set("access", MAPPER.readTree("[{\"actions\":[\"secretsmanager:GetSecretValue\"],\"resources\":[\"" + PROD + "\"]}]"));
            lines.append(MAPPER.writeValueAsString(req)).append('\n');
        }
        Path file = dir.resolve("requests.jsonl");
        Files.writeString(file, lines);
        CliRun run = CliRun.of("check-access-not-granted", "--requests-file", file.toString());
        List<String> out = run.out().lines().toList();
        assertThat(out).hasSize(50);
        for (int i = 0; i < 50; i++) {
            JsonNode r = MAPPER.readTree(out.get(i));
            assertThat(r.get("id").stringValue()).isEqualTo("r" + i);
            assertThat(r.get("result").stringValue()).isEqualTo(i % 2 == 0 ? "PASS" : "FAIL");
        }
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_bad_batch_line_gets_an_error_and_exit_2_while_the_others_are_answered() throws Exception {
        String ci = Files.readString(Path.of("policies/ci/deploy.json"));
        ObjectNode good = MAPPER.createObjectNode();
        good.put("id", 1);
        good.put("existingPolicyDocument", ci);
        good.put("newPolicyDocument", ci);
        Path file = dir.resolve("nna.jsonl");
        Files.writeString(file, "{broken\n" + MAPPER.writeValueAsString(good) + "\n{\"id\":2,\"existingPolicyDocument\":\"{}\"}\n");
        CliRun run = CliRun.of("check-no-new-access", "--requests-file", file.toString());
        List<String> out = run.out().lines().toList();
        assertThat(out.get(0)).isEqualTo("{\"id\":null,\"error\":\"line 1 is not valid JSON\"}");
        assertThat(MAPPER.readTree(out.get(1)).get("result").stringValue()).isEqualTo("PASS");
        assertThat(out.get(2)).startsWith("{\"id\":2,\"error\":\"line 3: ");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void the_batch_can_read_standard_input() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("{\"id\":\"s\",\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
                    + "\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"*\\\"}}\","
                    + "\"access\":[{\"actions\":[\"s3:PutObject\"]}]}\n").getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("check-access-not-granted", "--requests-file", "-");
            assertThat(run.out()).startsWith("{\"id\":\"s\",\"result\":\"PASS\"");
            assertThat(run.exitCode()).isZero();
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void bad_input_is_exit_2_with_a_clear_message() {
        CliRun noAccess = CliRun.of("check-access-not-granted", "--policy-document", CI, "--access", "[]");
        assertThat(noAccess.exitCode()).isEqualTo(2);
        assertThat(noAccess.err()).contains("access must be a non-empty list");
        StringBuilder many = new StringBuilder("[{\"actions\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("\"s3:GetObject").append(i).append('"');
        }
        CliRun tooMany = CliRun.of("check-access-not-granted", "--policy-document", CI, "--access", many + "]}]");
        assertThat(tooMany.err()).contains("has 101 entries; Access Analyzer accepts at most 100");
        CliRun notJson = CliRun.of("check-access-not-granted", "--policy-document", "{\"Statement\":", "--access",
                "[{\"actions\":[\"s3:GetObject\"]}]");
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("JSON ends too early");
        assertThat(CliRun.of("check-access-not-granted", "--access", "[]").exitCode()).isEqualTo(2);
    }

    @Test
    void a_policy_too_large_to_analyse_is_a_fail_never_a_pass() throws Exception {
        StringBuilder p = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 11_000; i++) { // over the default budget of 10,000 statements, under the 1 MiB input bound
            p.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b")
                    .append(i).append("/*\"}");
        }
        Path file = dir.resolve("huge.json");
        Files.writeString(file, p + "]}");
        CliRun run = CliRun.of("check-access-not-granted", "--policy-document", "file://" + file, "--access",
                "[{\"actions\":[\"secretsmanager:GetSecretValue\"]}]");
        assertThat(json(run).get("result").stringValue()).isEqualTo("FAIL");
        assertThat(json(run).get("message").stringValue()).contains("could not be analysed");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
