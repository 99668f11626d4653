package com.amply.policysuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The "done when" cases of the check command, each on a copy of this repository's own files. */
class CheckCommandTest {
    @TempDir
    Path repo;

    private Path copyOfThisRepository() {
        for (String entry : List.of("suite.yaml", "policies", "task-definitions", "schemas")) {
            Path from = Path.of(entry);
            if (Files.isDirectory(from)) {
                FixtureRepository.copy(from, repo.resolve(entry));
            } else if (Files.exists(from)) {
                FixtureRepository.copy(from, repo.resolve(entry));
            }
        }
        return repo;
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = repo.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void this_repository_is_clean() {
        CliRun run = CliRun.of("check", "--repo", copyOfThisRepository().toString());
        assertThat(run.out()).endsWith("No findings; " + run.out().replaceAll("(?s).*No findings; ", "").trim() + "\n");
        assertThat(run.out()).startsWith("No findings;");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void a_prod_task_definition_referencing_a_staging_secret_and_role_fails() throws IOException {
        copyOfThisRepository();
        String td = "task-definitions/prod/api.json";
        String redis = Files.readString(repo.resolve(td)).replaceAll("(?s).*(amply/prod/redis-url-\\w{6}).*", "$1");
        replace(td, redis, "amply/staging/redis-url");
        replace(td, "role/amply-prod-api-execution", "role/amply-staging-api-execution");
        CliRun run = CliRun.of("check", "--repo", repo.toString());
        int secretLine = lineOf(repo.resolve(td), "amply/staging/redis-url");
        int roleLine = lineOf(repo.resolve(td), "amply-staging-api-execution");
        assertThat(run.out()).contains("TD002 error " + td + ":" + secretLine + ":")
                .contains("prod task definition must not reference staging secret amply/staging/redis-url; use amply/prod/redis-url.")
                .contains("TD003 error " + td + ":" + roleLine + ":")
                .contains("prod task definition must not use staging role amply-staging-api-execution");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_secret_named_with_wrong_case_fails() throws IOException {
        copyOfThisRepository();
        String td = "task-definitions/prod/api.json";
        String db = Files.readString(repo.resolve(td)).replaceAll("(?s).*(amply/prod/database-url-\\w{6}).*", "$1");
        replace(td, db, "amply/Prod/Database_URL");
        CliRun run = CliRun.of("check", "--repo", repo.toString());
        assertThat(run.out()).contains("NAME001 error " + td + ":" + lineOf(repo.resolve(td), "Database_URL") + ":24"
                + " /containerDefinitions/0/secrets/0/valueFrom: secret amply/Prod/Database_URL names environment Prod,"
                + " which is not declared; use prod.");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_stripe_key_in_environment_fails() throws IOException {
        copyOfThisRepository();
        String td = "task-definitions/staging/api.json";
        replace(td, "\"name\": \"LOG_LEVEL\"", "\"name\": \"STRIPE_SECRET_KEY\"");
        CliRun run = CliRun.of("check", "--repo", repo.toString());
        assertThat(run.out()).contains("TD007 error " + td + ":" + (lineOf(repo.resolve(td), "STRIPE_SECRET_KEY\",") - 1) + ":9"
                + " /containerDefinitions/0/environment/1: environment variable STRIPE_SECRET_KEY is the catalog secret"
                + " stripe-secret-key in plaintext; move it to secrets with valueFrom"
                + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/stripe-secret-key.");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_duplicate_key_in_a_policy_fails() throws IOException {
        copyOfThisRepository();
        String policy = "policies/ci/deploy.json";
        replace(policy, "\"Effect\": \"Allow\",", "\"Effect\": \"Allow\",\n      \"Effect\": \"Deny\",");
        CliRun run = CliRun.of("check", "--repo", repo.toString());
        int line = lineOf(repo.resolve(policy), "\"Deny\"");
        assertThat(run.out()).contains("IAM000 error " + policy + ":" + line + ":7: could not be parsed: duplicate key"
                + " \"Effect\" in the object at /Statement/0 (first at " + (line - 1) + ":7)");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void truncated_json_is_a_finding_and_the_rest_is_still_checked() throws IOException {
        copyOfThisRepository();
        Path td = repo.resolve("task-definitions/sandbox/api.json");
        String text = Files.readString(td);
        Files.writeString(td, text.substring(0, text.length() / 3));
        replace("task-definitions/prod/api.json", "role/amply-prod-api-task", "role/amply-staging-api-task");
        CliRun run = CliRun.of("check", "--repo", repo.toString());
        assertThat(run.out()).contains("TD000 error task-definitions/sandbox/api.json:")
                .contains("could not be parsed: JSON ends too early (truncated file?)")
                .contains("TD003 error task-definitions/prod/api.json:");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void json_output_has_the_documented_shape() throws IOException {
        copyOfThisRepository();
        replace("task-definitions/prod/api.json", "\"family\": \"amply-prod-api\"", "\"family\": \"amply-staging-api\"");
        CliRun run = CliRun.of("check", "--repo", repo.toString(), "--format", "json");
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("warnings").asInt()).isZero();
        assertThat(json.get("summary").get("infos").asInt()).isZero();
        assertThat(json.get("summary").get("filesChecked").asInt()).isEqualTo(22);
        JsonNode f = json.get("findings").get(0);
        assertThat(f.propertyNames()).containsExactly("ruleId", "severity", "file", "pointer", "line", "column", "message");
        assertThat(f.get("ruleId").stringValue()).isEqualTo("TD004");
        assertThat(f.get("severity").stringValue()).isEqualTo("error");
        assertThat(f.get("file").stringValue()).isEqualTo("task-definitions/prod/api.json");
        assertThat(f.get("pointer").stringValue()).isEqualTo("/family");
        assertThat(f.get("line").asInt()).isEqualTo(2);
        assertThat(f.get("column").asInt()).isEqualTo(13);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_folder_without_suite_yaml_is_exit_2_with_a_message() {
        CliRun run = CliRun.of("check", "--repo", repo.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("policy-suite check: no suite.yaml in " + repo
                + " (is --repo pointing at a policy-suite repository?)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usage_errors_are_exit_2() {
        assertThat(CliRun.of("check", "--today", "yesterday").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("check", "--today", "yesterday").err()).contains("'yesterday' is not a date in the form YYYY-MM-DD");
        assertThat(CliRun.of("check", "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
    }

    @Test
    void help_documents_the_exit_codes() {
        CliRun run = CliRun.of("check", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("0  no error-level findings", "1  error-level findings",
                "2  usage error, or the repository could not be read");
    }
}
