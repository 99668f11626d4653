package com.amply.policysuite.aws;

import static com.amply.policysuite.aws.FakeAccessAnalyzer.ACCESS_NOT_GRANTED;
import static com.amply.policysuite.aws.FakeAccessAnalyzer.NO_NEW_ACCESS;
import static com.amply.policysuite.aws.FakeAccessAnalyzer.VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.aws.FakeAccessAnalyzer.Response;
import com.amply.policysuite.change.PolicyFileChange;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.policy.PolicyDocuments;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * The live step against a local Access Analyzer that speaks the real restJson1 protocol: what the SDK client sends
 * (documents, access entries, batches), how AWS's answers become findings, and every failure path.
 */
class AccessAnalyzerSessionTest {
    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/";
    private static final String DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"" + SECRET + "database-url-??????\"}]}";

    @TempDir
    Path repo;

    private FakeAccessAnalyzer aws;
    private AccessAnalyzerSession session;

    static AccessAnalyzerSession.Settings settings(URI endpoint, int attempts) {
        return new AccessAnalyzerSession.Settings("eu-central-1", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLETEST", "fake-secret-for-tests")),
                attempts, Duration.ofMillis(5));
    }

    @BeforeEach
    void start() throws IOException {
        aws = new FakeAccessAnalyzer();
        session = AccessAnalyzerSession.open(settings(aws.endpoint(), 3));
        for (String entry : List.of("suite.yaml", "policies", "task-definitions", "schemas")) {
            FixtureRepository.copy(Path.of(entry), repo.resolve(entry));
        }
    }

    @AfterEach
    void stop() {
        session.close();
        aws.close();
    }

    private RepositoryModel model() {
        return FixtureRepository.load(repo);
    }

    @Test
    void check_access_not_granted_sends_the_policy_document_and_the_access_entry_as_an_identity_policy() {
        AccessAnalyzerSession.Answer answer = new LiveAccessChecks(session).checkAccessNotGranted(DOCUMENT,
                List.of(new AccessEntry(List.of("secretsmanager:*"), List.of(SECRET + "*"))), "role test");

        assertThat(answer.pass()).isFalse();
        JsonNode sent = aws.requests(ACCESS_NOT_GRANTED).get(0).body();
        assertThat(sent.path("policyDocument").asString()).isEqualTo(DOCUMENT);
        assertThat(sent.path("policyType").asString()).isEqualTo("IDENTITY_POLICY");
        assertThat(sent.path("access").toString())
                .isEqualTo("[{\"actions\":[\"secretsmanager:*\"],\"resources\":[\"" + SECRET + "*\"]}]");
        assertThat(session.calls()).isEqualTo(new AccessAnalyzerCalls(0, 1, 0));
    }

    @Test
    void a_role_question_with_150_resources_becomes_two_calls_of_100_and_50() {
        List<String> resources = IntStream.range(0, 150).mapToObj(i -> SECRET + "s" + i + "-*").toList();
        new LiveAccessChecks(session).checkAccessNotGranted(DOCUMENT,
                List.of(new AccessEntry(List.of("secretsmanager:GetSecretValue"), resources)), "role test");

        List<FakeAccessAnalyzer.Request> calls = aws.requests(ACCESS_NOT_GRANTED);
        assertThat(calls).hasSize(2);
        assertThat(strings(calls.get(0).body().path("access").get(0).path("resources"))).isEqualTo(resources.subList(0, 100));
        assertThat(strings(calls.get(1).body().path("access").get(0).path("resources"))).isEqualTo(resources.subList(100, 150));
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.body().path("access")).hasSize(1);
            assertThat(strings(c.body().path("access").get(0).path("actions"))).containsExactly("secretsmanager:GetSecretValue");
        });
        assertThat(session.calls().billed()).isEqualTo(2);
    }

    @Test
    void an_entry_over_the_limit_on_both_sides_is_asked_as_every_chunk_pair() {
        List<String> actions = IntStream.range(0, 101).mapToObj(i -> "secretsmanager:A" + i).toList();
        List<String> resources = IntStream.range(0, 201).mapToObj(i -> SECRET + "r" + i).toList();
        List<AccessEntry> batches = LiveAccessChecks.batches(new AccessEntry(actions, resources));
        assertThat(batches).hasSize(2 * 3);
        assertThat(batches).allSatisfy(b -> assertThat(b.actions().size()).isLessThanOrEqualTo(100))
                .allSatisfy(b -> assertThat(b.resources().size()).isLessThanOrEqualTo(100));
        assertThat(LiveAccessChecks.batches(AccessEntry.actions("s3:GetObject"))).containsExactly(AccessEntry.actions("s3:GetObject"));
    }

    @Test
    void throttling_is_retried_with_backoff_and_then_succeeds() {
        aws.then(ACCESS_NOT_GRANTED, Response.error(429, "ThrottlingException", "Rate exceeded"));
        AccessAnalyzerSession.Answer answer = session.checkAccessNotGranted(DOCUMENT, List.of("secretsmanager:*"),
                List.of("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*"), "role test");

        assertThat(answer.pass()).isTrue();
        assertThat(aws.requests(ACCESS_NOT_GRANTED)).hasSize(2);
        assertThat(session.calls().checkAccessNotGranted()).as("a retried call is one billed call").isEqualTo(1);
    }

    @Test
    void throttling_that_does_not_stop_fails_after_the_retries_in_one_line() {
        aws.always(ACCESS_NOT_GRANTED, body -> Response.error(429, "ThrottlingException", "Rate exceeded"));
        assertThatThrownBy(() -> session.checkAccessNotGranted(DOCUMENT, List.of("secretsmanager:*"), List.of(), "role test"))
                .isInstanceOf(AccessAnalyzerFailure.class)
                .hasMessage("AWS kept throttling access-analyzer:CheckAccessNotGranted for role test (ThrottlingException)"
                        + " after retries with backoff; run again later or raise AWS_MAX_ATTEMPTS");
        assertThat(aws.requests(ACCESS_NOT_GRANTED)).hasSize(3);
        assertThat(session.calls().billed()).isZero();
    }

    @Test
    void access_denied_is_one_line_naming_the_operation_and_the_policy_to_attach() {
        aws.then(VALIDATION, Response.error(403, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/x/y"
                + " is not authorized to perform: access-analyzer:ValidatePolicy"));
        assertThatThrownBy(() -> session.validatePolicy(DOCUMENT, "policies/ci/deploy.json"))
                .isInstanceOf(AccessAnalyzerFailure.class)
                .hasMessage("access denied to access-analyzer:ValidatePolicy for policies/ci/deploy.json"
                        + " (AccessDeniedException): User: arn:aws:sts::123456789012:assumed-role/x/y is not authorized to"
                        + " perform: access-analyzer:ValidatePolicy; the credentials need the permissions of"
                        + " policies/ci/access-analyzer.json");
        assertThat(aws.requests(VALIDATION)).as("access denied is not retried").hasSize(1);
    }

    @Test
    void a_validation_exception_is_a_failure_not_a_pass() {
        aws.then(NO_NEW_ACCESS, Response.error(400, "ValidationException", "Invalid policy document:\nline 2"));
        assertThatThrownBy(() -> session.checkNoNewAccess(DOCUMENT, DOCUMENT, "policies/ci/deploy.json against HEAD~1"))
                .isInstanceOf(AccessAnalyzerFailure.class)
                .hasMessage("AWS rejected access-analyzer:CheckNoNewAccess for policies/ci/deploy.json against HEAD~1:"
                        + " ValidationException (HTTP 400): Invalid policy document:");
        assertThat(session.calls().billed()).isZero();
    }

    @Test
    void an_unreachable_endpoint_fails_in_one_line() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (AccessAnalyzerSession closed = AccessAnalyzerSession.open(settings(URI.create("http://127.0.0.1:" + closedPort), 2))) {
            assertThatThrownBy(() -> closed.validatePolicy(DOCUMENT, "policies/ci/deploy.json"))
                    .isInstanceOf(AccessAnalyzerFailure.class)
                    .hasMessageStartingWith("cannot reach the Access Analyzer endpoint for access-analyzer:ValidatePolicy"
                            + " for policies/ci/deploy.json (")
                    .hasMessageEndingWith("); check AWS_REGION, AWS_ENDPOINT_URL_ACCESSANALYZER and the network")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void validate_policy_findings_keep_aws_issue_code_and_link_and_point_at_the_statement() {
        String finding = "{\"findingDetails\":\"The action secretsmanager:GetSecretValue does not support the resource.\","
                + "\"findingType\":\"%s\",\"issueCode\":\"%s\",\"learnMoreLink\":\"https://docs.aws.amazon.com/IAM/latest/"
                + "UserGuide/access-analyzer-reference-policy-checks.html#%s\",\"locations\":[{\"path\":[{\"key\":\"Statement\"},"
                + "{\"index\":0},{\"key\":\"Resource\"},{\"index\":1}],\"span\":{\"start\":{\"line\":1,\"column\":1,"
                + "\"offset\":1},\"end\":{\"line\":1,\"column\":9,\"offset\":9}}}]}";
        aws.then(VALIDATION, Response.ok("{\"findings\":[" + finding.formatted("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE",
                "x") + "],\"nextToken\":\"page-2\"}"));
        aws.then(VALIDATION, Response.ok("{\"findings\":[" + finding.formatted("SUGGESTION", "REDUNDANT_ACTION", "y") + "]}"));
        RepositoryModel model = model();
        Policy deploy = model.policies().stream().filter(p -> p.file().equals("policies/ci/deploy.json")).findFirst().orElseThrow();
        RepositoryModel onlyDeploy = withPolicies(model, List.of(deploy));

        List<Finding> findings = new LiveAccessChecks(session).validatePolicies(onlyDeploy);

        assertThat(findings).extracting(Finding::toLine).containsExactly(
                "IAM020 error policies/ci/deploy.json:10:9 /Statement/0/Resource/1: AWS Access Analyzer ValidatePolicy"
                        + " SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE: The action secretsmanager:GetSecretValue does not"
                        + " support the resource. (learn more: https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                        + "access-analyzer-reference-policy-checks.html#x)",
                "IAM021 warning policies/ci/deploy.json:10:9 /Statement/0/Resource/1: AWS Access Analyzer ValidatePolicy"
                        + " SUGGESTION REDUNDANT_ACTION: The action secretsmanager:GetSecretValue does not support the resource."
                        + " (learn more: https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#y)");
        assertThat(aws.requests(VALIDATION)).hasSize(2);
        assertThat(aws.requests(VALIDATION).get(1).query()).contains("nextToken=page-2");
        assertThat(aws.requests(VALIDATION).get(0).body().path("policyType").asString()).isEqualTo("IDENTITY_POLICY");
        assertThat(aws.requests(VALIDATION).get(0).body().path("policyDocument").asString()).isEqualTo(PolicyDocuments.of(deploy));
        assertThat(session.calls()).isEqualTo(new AccessAnalyzerCalls(2, 0, 0));
    }

    @Test
    void this_repository_gets_the_same_verdicts_from_aws_as_offline_with_one_call_per_forbidden_role_and_environment() {
        List<Finding> findings = new LiveAccessChecks(session).forbiddenAccess(model());

        assertThat(findings).isEmpty();
        List<FakeAccessAnalyzer.Request> calls = aws.requests(ACCESS_NOT_GRANTED);
        assertThat(calls).hasSize(13); // 6 ECS roles x 2 other environments, and the CI role x prod
        JsonNode ciProd = calls.stream().filter(c -> c.body().path("access").get(0).path("resources").get(0).asString()
                .endsWith("amply/prod/*") && c.body().path("policyDocument").asString().contains("RunAccessAnalyzerPolicyChecks"))
                .findFirst().orElseThrow().body();
        JsonNode document = FakeAccessAnalyzer.JSON.readTree(ciProd.path("policyDocument").asString());
        assertThat(document.path("Statement")).as("deploy.json's four statements, then access-analyzer.json's").hasSize(5);
        assertThat(document.path("Statement").get(0).path("Sid").asString()).isEqualTo("ReadNonProdSecrets");
        assertThat(document.path("Statement").get(4).path("Sid").asString()).isEqualTo("RunAccessAnalyzerPolicyChecks");
        assertThat(ciProd.path("access").toString()).isEqualTo("[{\"actions\":[\"secretsmanager:*\"],\"resources\":"
                + "[\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/*\"]}]");
    }

    @Test
    void aws_fail_where_offline_passes_is_a_finding_and_a_disagreement() {
        aws.always(ACCESS_NOT_GRANTED, body -> FakeAccessAnalyzer.verdict(
                body.path("policyDocument").asString().contains("RunAccessAnalyzerPolicyChecks")
                        && body.path("access").get(0).path("resources").get(0).asString().contains("/prod/"),
                "The policy document grants access to perform one or more of the listed actions or resources.", "ok"));

        List<Finding> findings = new LiveAccessChecks(session).forbiddenAccess(model());

        assertThat(findings).extracting(Finding::ruleId, Finding::file, Finding::pointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("IAM022", "policies/ci/deploy.json", "/Statement/0"),
                org.assertj.core.groups.Tuple.tuple("IAM024", "policies/ci/deploy.json", "/Statement/0"));
        assertThat(findings.get(1).message()).startsWith("AWS Access Analyzer says FAIL but the offline analyzer says PASS"
                + " for CheckAccessNotGranted of amply-ci-deploy on secretsmanager:* on"
                + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/* (AWS: The policy document grants");
    }

    @Test
    void aws_pass_where_offline_fails_is_a_disagreement() throws IOException {
        Path deploy = repo.resolve("policies/ci/deploy.json");
        Files.writeString(deploy, Files.readString(deploy).replace("secret:amply/staging/*", "secret:amply/*"));
        aws.always(ACCESS_NOT_GRANTED, body -> FakeAccessAnalyzer.verdict(false, "", "The policy document does not grant access."));

        List<Finding> findings = new LiveAccessChecks(session).forbiddenAccess(model());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("IAM024");
            assertThat(f.file()).isEqualTo("suite.yaml");
            assertThat(f.message()).startsWith("AWS Access Analyzer says PASS but the offline analyzer says FAIL for"
                    + " CheckAccessNotGranted of amply-ci-deploy");
        });
    }

    @Test
    void check_no_new_access_sends_both_versions_and_agrees_with_the_offline_answer() throws IOException {
        RepositoryModel before = model();
        Path deploy = repo.resolve("policies/ci/deploy.json");
        Files.writeString(deploy, Files.readString(deploy).replace("secret:amply/staging/*", "secret:amply/*"));
        RepositoryModel after = model();
        PolicyFileChange change = new PolicyFileChange(policy(before, "policies/ci/deploy.json"), policy(after, "policies/ci/deploy.json"));

        List<Finding> findings = new LiveAccessChecks(session).noNewAccess(List.of(change), "HEAD~1");

        JsonNode sent = aws.requests(NO_NEW_ACCESS).get(0).body();
        assertThat(sent.path("existingPolicyDocument").asString()).isEqualTo(PolicyDocuments.of(change.base()));
        assertThat(sent.path("newPolicyDocument").asString()).isEqualTo(PolicyDocuments.of(change.current()));
        assertThat(sent.path("policyType").asString()).isEqualTo("IDENTITY_POLICY");
        assertThat(findings).extracting(Finding::toLine).containsExactly("IAM023 info policies/ci/deploy.json:4:5 /Statement/0:"
                + " AWS Access Analyzer CheckNoNewAccess: this change adds access compared with HEAD~1: The modified"
                + " permissions grant new access compared to your existing policy. [One or more of the listed actions or"
                + " resources in the statement with index: 0. (statement 0)].");
        assertThat(session.calls()).isEqualTo(new AccessAnalyzerCalls(0, 0, 1));
    }

    @Test
    void the_sdk_takes_the_endpoint_from_its_own_system_property() {
        String key = "aws.endpointUrlAccessAnalyzer";
        String previous = System.getProperty(key);
        System.setProperty(key, aws.endpoint().toString());
        try (AccessAnalyzerSession standard = AccessAnalyzerSession.open(settings(null, 1))) {
            standard.validatePolicy(DOCUMENT, "policies/ci/deploy.json");
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
        assertThat(aws.requests(VALIDATION)).hasSize(1);
    }

    private static Policy policy(RepositoryModel model, String file) {
        return model.policies().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    private static RepositoryModel withPolicies(RepositoryModel m, List<Policy> policies) {
        return new RepositoryModel(m.suiteDocument(), m.suite(), m.configProblems(), policies, m.taskDefinitions(),
                m.unloadable(), m.filesChecked(), m.schemaFiles(), m.secretSchemas(), m.schemaExamples(), m.trackedFiles(),
                m.today(), m.waivers(), m.rolePolicies());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
