package com.amply.policysuite.cli;

import static com.amply.policysuite.aws.FakeAccessAnalyzer.NO_NEW_ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.aws.FakeAccessAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code diff --base} on a real git repository with two commits: a copy of this repository, then a commit that
 * widens the CI role to every amply secret and changes a prod task definition's secret reference.
 */
class DiffCommandTest {
    private static final String TODAY = "2026-12-04";
    private static final String DEPLOY = "policies/ci/deploy.json";
    private static final String PROD_TD = "task-definitions/prod/api.json";
    private static final String PROD_SECRETS = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/";
    private static final String WAIVER = "waivers:\n  - rule: IAM025\n    file: policies/ci/*.json\n"
            + "    reason: \"CI reads prod for the release smoke test, ticket OPS-9\"\n    expires: 2027-01-15\n";

    @TempDir
    Path repo;

    private String oldRedis;

    @BeforeEach
    void twoCommits() throws Exception {
        for (String entry : List.of("suite.yaml", "policies", "task-definitions", "schemas")) {
            FixtureRepository.copy(Path.of(entry), repo.resolve(entry));
        }
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        replace(DEPLOY, "secret:amply/staging/*", "secret:amply/*");
        oldRedis = Files.readString(repo.resolve(PROD_TD)).replaceAll("(?s).*(amply/prod/redis-url-\\w{6}).*", "$1");
        replace(PROD_TD, oldRedis, "amply/prod/redis-url-Zz9Yy8");
        git("commit", "-q", "-a", "-m", "widen the CI role");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = repo.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.email=test@example.com", "-c", "user.name=test",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("git " + String.join(" ", args) + ": " + output).isZero();
    }

    private CliRun diff(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff", "--repo", repo.toString(), "--today", TODAY, "--base", "HEAD~1"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void widening_the_ci_role_to_every_secret_is_new_prod_access_with_an_example_arn_and_fails() {
        CliRun run = diff();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("role amply-ci-deploy (policies/ci/deploy.json, policies/ci/access-analyzer.json)\n"
                + "  new access: e.g. secretsmanager:GetSecretValue on ");
        assertThat(run.out()).contains("  new access to prod secrets: e.g. secretsmanager:GetSecretValue on " + PROD_SECRETS);
        assertThat(run.out()).contains("  removed access: none\n");
        assertThat(run.out()).contains("IAM025 error policies/ci/deploy.json:4:5 /Statement/0: role amply-ci-deploy gains"
                + " access to prod secrets compared with HEAD~1: e.g. secretsmanager:GetSecretValue on " + PROD_SECRETS);
        assertThat(run.out()).endsWith("1 role with new access (1 to prod secrets), 0 with removed access, 1 secret"
                + " reference change; 1 error, 0 waived.\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_changed_task_definition_secret_reference_is_listed_by_secret_name() {
        assertThat(diff().out()).contains("secret references:\n  " + PROD_TD + " /containerDefinitions/0/secrets/1/valueFrom:"
                + " changed amply/prod/redis-url: arn:aws:secretsmanager:eu-central-1:123456789012:secret:" + oldRedis
                + " -> arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/redis-url-Zz9Yy8\n");
    }

    @Test
    void a_waiver_for_iam025_on_the_role_policy_file_accepts_the_new_prod_access_and_shows_it_as_waived() throws IOException {
        Files.writeString(repo.resolve("waivers.yaml"), WAIVER);

        CliRun run = diff();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("waived IAM025 error policies/ci/deploy.json:4:5 /Statement/0: role amply-ci-deploy"
                + " gains access to prod secrets");
        assertThat(run.out()).contains("[waived until 2027-01-15: CI reads prod for the release smoke test, ticket OPS-9]\n");
        assertThat(run.out()).endsWith("; 0 errors, 1 waived.\n");
    }

    @Test
    void markdown_is_a_review_comment_with_a_verdict_a_role_table_and_the_secret_changes() {
        CliRun run = diff("--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("## policy-suite diff against `HEAD~1`\n\n**Fails:** 1 role with new access");
        assertThat(run.out()).contains("| `amply-ci-deploy` | e.g. `secretsmanager:GetSecretValue` on `");
        assertThat(run.out()).contains("| `" + PROD_TD + "` | `amply/prod/redis-url` | changed | ");
        assertThat(run.out()).contains("- **IAM025** error `policies/ci/deploy.json:4`: role amply-ci-deploy gains access");
    }

    @Test
    void json_carries_the_example_arn_of_the_new_prod_access() {
        JsonNode root = JsonMapper.builder().build().readTree(diff("--format", "json").out());

        assertThat(root.path("base").asString()).isEqualTo("HEAD~1");
        JsonNode role = root.path("roles").get(0);
        assertThat(role.path("role").asString()).isEqualTo("amply-ci-deploy");
        assertThat(role.path("newProdAccess").path("exampleResource").asString()).startsWith(PROD_SECRETS);
        assertThat(role.path("newProdAccess").path("statements").get(0).path("sid").asString()).isEqualTo("ReadNonProdSecrets");
        assertThat(role.path("removedAccess").isNull()).isTrue();
        assertThat(root.path("secretReferences").get(0).path("kind").asString()).isEqualTo("changed");
        assertThat(root.path("findings").get(0).path("ruleId").asString()).isEqualTo("IAM025");
        assertThat(root.path("summary").path("errors").asInt()).isEqualTo(1);
    }

    @Test
    void output_writes_the_report_to_a_file() {
        Path file = repo.resolve("diff.md");
        CliRun run = diff("--format", "markdown", "--output", file.toString());
        assertThat(run.out()).isEmpty();
        assertThat(file).content().startsWith("## policy-suite diff against `HEAD~1`");
    }

    @Test
    void narrowing_a_role_is_removed_access_and_passes() throws Exception {
        replace(DEPLOY, "secret:amply/*", "secret:amply/staging/database-url-??????");
        git("commit", "-q", "-a", "-m", "narrow");

        CliRun run = CliRun.of("diff", "--repo", repo.toString(), "--today", TODAY, "--base", "HEAD~2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  new access: none\n");
        assertThat(run.out()).contains("  removed access: e.g. secretsmanager:GetSecretValue on"
                + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/");
    }

    @Test
    void an_unknown_revision_is_a_usage_error() {
        CliRun run = CliRun.of("diff", "--repo", repo.toString(), "--base", "no-such-branch");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("policy-suite diff: unknown git revision no-such-branch (in CI, fetch it first, e.g."
                + " actions/checkout with fetch-depth: 0)\n");
    }

    @Test
    void a_folder_outside_a_git_work_tree_is_a_usage_error(@TempDir Path plain) {
        FixtureRepository.copy(repo.resolve("suite.yaml").getParent().resolve("policies"), plain.resolve("policies"));
        FixtureRepository.copy(repo.resolve("schemas"), plain.resolve("schemas"));
        try {
            Files.copy(repo.resolve("suite.yaml"), plain.resolve("suite.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun run = CliRun.of("diff", "--repo", plain.toString(), "--base", "HEAD");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("policy-suite diff: " + plain + " is not in a git work tree, so there is no revision"
                + " HEAD to compare with\n");
    }

    @Test
    void with_access_analyzer_each_changed_policy_gets_one_billed_check_no_new_access() throws IOException {
        try (FakeAccessAnalyzer aws = new FakeAccessAnalyzer();
             SdkSystemProperties sdk = SdkSystemProperties.localAccessAnalyzer(aws.endpoint().toString())) {
            CliRun run = diff("--access-analyzer");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(aws.requests(NO_NEW_ACCESS)).hasSize(1);
            assertThat(aws.requests(NO_NEW_ACCESS).get(0).body().path("newPolicyDocument").asString()).contains("secret:amply/*");
            assertThat(aws.requests(NO_NEW_ACCESS).get(0).body().path("existingPolicyDocument").asString())
                    .contains("secret:amply/staging/*");
            assertThat(run.out()).contains("IAM023 info policies/ci/deploy.json:4:5 /Statement/0: AWS Access Analyzer"
                    + " CheckNoNewAccess: this change adds access compared with HEAD~1");
            assertThat(run.out()).doesNotContain("IAM024");
            assertThat(run.err()).isEqualTo("Access Analyzer: 0 ValidatePolicy calls (free); 0 CheckAccessNotGranted,"
                    + " 1 CheckNoNewAccess: 1 billed custom policy check.\n");
        }
    }

    @Test
    void check_with_access_analyzer_and_base_adds_check_no_new_access_for_the_changed_policy() throws IOException {
        try (FakeAccessAnalyzer aws = new FakeAccessAnalyzer();
             SdkSystemProperties sdk = SdkSystemProperties.localAccessAnalyzer(aws.endpoint().toString())) {
            CliRun run = CliRun.of("check", "--repo", repo.toString(), "--today", TODAY, "--access-analyzer", "--base", "HEAD~1");

            assertThat(aws.requests(NO_NEW_ACCESS)).hasSize(1);
            assertThat(run.out()).contains("IAM023 info policies/ci/deploy.json:4:5 /Statement/0:");
            assertThat(run.err()).isEqualTo("Access Analyzer: 10 ValidatePolicy calls (free); 13 CheckAccessNotGranted,"
                    + " 1 CheckNoNewAccess: 14 billed custom policy checks.\n");
        }
    }
}
