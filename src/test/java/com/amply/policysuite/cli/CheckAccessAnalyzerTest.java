package com.amply.policysuite.cli;

import static com.amply.policysuite.aws.FakeAccessAnalyzer.ACCESS_NOT_GRANTED;
import static com.amply.policysuite.aws.FakeAccessAnalyzer.VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.aws.FakeAccessAnalyzer;
import com.amply.policysuite.aws.FakeAccessAnalyzer.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check --access-analyzer} on a copy of this repository, with the SDK pointed at a local Access Analyzer
 * through its own system properties: the same verdicts as offline, a planted disagreement, the billed-call count, and
 * exit 3 with the offline results still printed when AWS can't answer.
 */
class CheckAccessAnalyzerTest {
    private static final String TODAY = "2026-12-04";
    private static final String CLEAN = "No findings; 22 files checked.\n";
    private static final String CALLS = "Access Analyzer: 10 ValidatePolicy calls (free); 13 CheckAccessNotGranted,"
            + " 0 CheckNoNewAccess: 13 billed custom policy checks.\n";

    @TempDir
    Path repo;

    private FakeAccessAnalyzer aws;
    private SdkSystemProperties sdk;

    @BeforeEach
    void start() throws IOException {
        for (String entry : List.of("suite.yaml", "policies", "task-definitions", "schemas")) {
            FixtureRepository.copy(Path.of(entry), repo.resolve(entry));
        }
        aws = new FakeAccessAnalyzer();
        sdk = SdkSystemProperties.localAccessAnalyzer(aws.endpoint().toString());
    }

    @AfterEach
    void stop() {
        sdk.close();
        aws.close();
    }

    private CliRun check(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--repo", repo.toString(), "--today", TODAY,
                "--access-analyzer"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void this_repository_passes_live_with_the_same_verdicts_as_offline_and_counts_the_billed_calls() {
        CliRun run = check();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CLEAN);
        assertThat(run.err()).isEqualTo(CALLS);
        assertThat(aws.requests(VALIDATION)).hasSize(10);
        assertThat(aws.requests(ACCESS_NOT_GRANTED)).hasSize(13);
    }

    @Test
    void a_planted_disagreement_is_reported_as_iam024_next_to_aws_finding() {
        aws.always(ACCESS_NOT_GRANTED, body -> FakeAccessAnalyzer.verdict(
                body.path("policyDocument").asString().contains("ReadNonProdSecrets")
                        && body.path("access").get(0).path("resources").get(0).asString().endsWith("amply/prod/*"),
                "The policy document grants access to perform one or more of the listed actions or resources.", "ok"));

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().map(l -> l.substring(0, l.indexOf(':') < 0 ? l.length() : l.indexOf(':'))).toList())
                .containsExactly("IAM022 error policies/ci/deploy.json", "IAM024 error policies/ci/deploy.json",
                        "2 errors, 0 warnings, 0 infos, 0 waived; 22 files checked.");
        assertThat(run.out()).contains("IAM024 error policies/ci/deploy.json:4:5 /Statement/0: AWS Access Analyzer says FAIL"
                + " but the offline analyzer says PASS for CheckAccessNotGranted of amply-ci-deploy");
        assertThat(run.err()).isEqualTo(CALLS);
    }

    @Test
    void a_waiver_for_an_aws_finding_waives_it_like_any_other() throws IOException {
        aws.then(VALIDATION, Response.ok("{\"findings\":[{\"findingDetails\":\"Add a condition.\",\"findingType\":"
                + "\"SECURITY_WARNING\",\"issueCode\":\"PASS_ROLE_WITH_STAR_IN_RESOURCE\",\"learnMoreLink\":"
                + "\"https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html\","
                + "\"locations\":[]}]}"));
        Files.writeString(repo.resolve("waivers.yaml"), "waivers:\n  - rule: IAM020\n    file: policies/ci/access-analyzer.json\n"
                + "    reason: \"Reviewed with security, ticket SEC-7\"\n    expires: 2027-01-15\n");

        CliRun run = check();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("waived IAM020 error policies/ci/access-analyzer.json:1:1: AWS Access Analyzer"
                + " ValidatePolicy SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE: Add a condition. (learn more:");
    }

    @Test
    void a_waiver_for_a_live_rule_is_not_stale_in_a_check_that_did_not_ask_aws() throws IOException {
        Files.writeString(repo.resolve("waivers.yaml"), "waivers:\n  - rule: IAM025\n    file: policies/ci/*.json\n"
                + "    reason: \"CI reads prod for the release smoke test, ticket OPS-9\"\n    expires: 2027-01-15\n");

        CliRun run = CliRun.of("check", "--repo", repo.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No findings; 23 files checked.\n");
    }

    @Test
    void access_denied_exits_3_with_one_line_and_still_prints_the_offline_results() {
        aws.always(VALIDATION, body -> Response.error(403, "AccessDeniedException",
                "User is not authorized to perform: access-analyzer:ValidatePolicy"));

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo(CLEAN);
        assertThat(run.err()).isEqualTo("Access Analyzer: 0 ValidatePolicy calls (free); 0 CheckAccessNotGranted, 0"
                + " CheckNoNewAccess: 0 billed custom policy checks.\n"
                + "policy-suite check: access denied to access-analyzer:ValidatePolicy for policies/ci/access-analyzer.json"
                + " (AccessDeniedException): User is not authorized to perform: access-analyzer:ValidatePolicy; the"
                + " credentials need the permissions of policies/ci/access-analyzer.json\n");
    }

    @Test
    void a_validation_exception_exits_3_and_never_passes() {
        aws.always(ACCESS_NOT_GRANTED, body -> Response.error(400, "ValidationException", "Policy document is too large"));

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo(CLEAN);
        assertThat(run.err().lines().toList()).hasSize(2).last().asString()
                .startsWith("policy-suite check: AWS rejected access-analyzer:CheckAccessNotGranted for role ")
                .endsWith(": ValidationException (HTTP 400): Policy document is too large");
    }

    @Test
    void an_unreachable_endpoint_exits_3() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        sdk.set("aws.endpointUrlAccessAnalyzer", "http://127.0.0.1:" + closedPort);

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo(CLEAN);
        assertThat(run.err().lines().toList()).hasSize(2).last().asString()
                .startsWith("policy-suite check: cannot reach the Access Analyzer endpoint for access-analyzer:ValidatePolicy");
    }

    @Test
    void missing_credentials_exit_3() {
        sdk.set("aws.accessKeyId", null).set("aws.secretAccessKey", null)
                .set("aws.sharedCredentialsFile", repo.resolve("no-credentials").toString())
                .set("aws.configFile", repo.resolve("no-config").toString());

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo(CLEAN);
        assertThat(run.err().lines().toList()).hasSize(2).last().asString()
                .startsWith("policy-suite check: no AWS credentials found for access-analyzer:ValidatePolicy");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void base_without_access_analyzer_is_a_usage_error() {
        CliRun run = CliRun.of("check", "--repo", repo.toString(), "--base", "HEAD~1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("policy-suite check: --base needs --access-analyzer; for an offline comparison use"
                + " 'policy-suite diff --base HEAD~1'\n");
    }

    @Test
    void sarif_of_a_live_run_lists_the_live_rules() {
        CliRun run = check("--format", "sarif");
        JsonNode rules = JsonMapper.builder().build().readTree(run.out()).path("runs").get(0).path("tool").path("driver")
                .path("rules");
        List<String> ids = new java.util.ArrayList<>();
        rules.forEach(r -> ids.add(r.path("id").asString()));
        assertThat(ids).contains("IAM020", "IAM021", "IAM022", "IAM023", "IAM024").doesNotContain("IAM025");
        assertThat(ids).isSorted();
    }

    @Test
    void help_documents_exit_code_3() {
        assertThat(CliRun.of("check", "--help").out()).contains("  3  --access-analyzer: AWS could not answer");
        assertThat(CliRun.of("--help").out()).contains("  3  drift, or check/diff with --access-analyzer: AWS could not answer");
    }
}
