package com.amply.policysuite.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.amply.policysuite.cli.CliRun;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.RepositoryModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code policy-suite drift} against moto, seeded from this repository through the AWS SDK: an untouched account has
 * no drift, and each kind of change is reported with the right kind. moto is started once for the class and reset
 * before each test.
 */
class DriftAgainstMotoIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REPO = Path.of(".");

    private static MotoServer moto;
    private static RepositoryModel model;
    private static MotoAccount account;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        model = new RepositoryLoader().load(REPO);
        account = new MotoAccount(moto.endpoint(), model, REPO);
        DriftRun.configure(moto.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        DriftRun.clear();
        if (account != null) {
            account.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshAccount() throws Exception {
        moto.reset();
        account.seed();
    }

    private static JsonNode json(CliRun run) {
        return JSON.readTree(run.out());
    }

    /** (kind, resource) of every drift item of a one-environment JSON report. */
    private static List<org.assertj.core.groups.Tuple> items(CliRun run) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        json(run).path("drift").forEach(i -> out.add(tuple(i.path("kind").stringValue(), i.path("resource").stringValue())));
        return out;
    }

    @Test
    void an_untouched_account_has_no_drift_in_any_environment() {
        CliRun run = DriftRun.inProcess("--format", "json", "--check-payloads");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode all = json(run);
        assertThat(all.isArray()).isTrue();
        assertThat(all).extracting(e -> e.path("environment").stringValue()).containsExactly("prod", "staging", "sandbox");
        for (JsonNode env : all) {
            assertThat(env.path("drift").size()).as(env.toString()).isZero();
            assertThat(env.path("summary").path("checked").path("secrets").intValue()).isEqualTo(8);
            assertThat(env.path("summary").path("checked").path("payloads").intValue()).isEqualTo(8);
        }
    }

    @Test
    void a_deleted_secret_is_missing() {
        account.secrets.deleteSecret(r -> r.secretId("amply/prod/sentry-dsn").forceDeleteWithoutRecovery(true));
        CliRun run = DriftRun.inProcess("--env", "prod", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(items(run)).containsExactly(tuple("missing", "secret:amply/prod/sentry-dsn"));
    }

    @Test
    void a_secret_scheduled_for_deletion_is_missing_and_says_so() {
        account.secrets.deleteSecret(r -> r.secretId("amply/prod/redis-url").recoveryWindowInDays(7L));
        CliRun run = DriftRun.inProcess("--env", "prod");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("prod missing secret:amply/prod/redis-url: scheduled for deletion on ");
    }

    @Test
    void an_extra_secret_under_the_prefix_is_unmanaged() {
        account.secrets.createSecret(r -> r.name("amply/prod/old-token").secretString("tok_FAKE_old"));
        CliRun run = DriftRun.inProcess("--env", "prod", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(items(run)).containsExactly(tuple("unmanaged", "secret:amply/prod/old-token"));
        assertThat(DriftRun.inProcess("--env", "staging").exitCode()).as("staging has its own prefix").isZero();
    }

    @Test
    void a_task_definition_revision_that_references_a_staging_secret_is_changed() {
        ObjectNode prod = (ObjectNode) model.taskDefinitions().stream()
                .filter(td -> td.family().value().equals("amply-prod-api")).findFirst().orElseThrow().document().root().deepCopy();
        ((ObjectNode) prod.path("containerDefinitions").get(0).path("secrets").get(1)).put("valueFrom",
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/redis-url-I4zfs8");
        int revision = account.register(prod);
        CliRun run = DriftRun.inProcess("--env", "prod", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(items(run)).containsExactly(tuple("changed", "task-definition:amply-prod-api"));
        assertThat(json(run).path("drift").get(0).path("detail").stringValue()).isEqualTo("revision " + revision
                + " container api: secret REDIS_URL reads amply/staging/redis-url live; the repository says amply/prod/redis-url");
    }

    @Test
    void an_extra_family_is_unmanaged() {
        ObjectNode worker = (ObjectNode) model.taskDefinitions().get(0).document().root().deepCopy();
        worker.put("family", "amply-prod-worker");
        account.register(worker);
        CliRun run = DriftRun.inProcess("--env", "prod", "--format", "json");
        assertThat(items(run)).containsExactly(tuple("unmanaged", "task-definition:amply-prod-worker"));
    }

    @Test
    void a_ci_role_inline_policy_widened_to_every_amply_secret_is_changed() {
        ObjectNode deploy = (ObjectNode) JSON.readTree(account.read("policies/ci/deploy.json"));
        ((ObjectNode) deploy.path("Statement").get(0)).put("Resource",
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/*");
        String widened = deploy.toString();
        assertThat(widened).contains("secret:amply/*\"");
        account.putRolePolicy("amply-ci-deploy", "deploy", widened);
        CliRun run = DriftRun.inProcess("--env", "staging", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(items(run)).containsOnly(tuple("changed", "role:amply-ci-deploy"));
        assertThat(json(run).path("drift")).extracting(i -> i.path("detail").stringValue()).contains(
                "live inline policy deploy allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/*; the repository does not");
    }

    @Test
    void a_new_default_version_of_an_attached_managed_policy_that_adds_access_is_changed() {
        ObjectNode readOnly = (ObjectNode) JSON.readTree(account.read("policies/drift-check/read-only.json"));
        ((tools.jackson.databind.node.ArrayNode) readOnly.path("Statement")).addObject().put("Effect", "Allow")
                .put("Action", "secretsmanager:PutSecretValue").put("Resource", "*");
        String arn = "arn:aws:iam::123456789012:policy/amply-drift-check-read-only";
        account.iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(readOnly.toString()).setAsDefault(true));
        CliRun run = DriftRun.inProcess("--env", "sandbox", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(items(run)).containsOnly(tuple("changed", "role:amply-drift-check"));
        assertThat(json(run).path("drift")).extracting(i -> i.path("detail").stringValue()).contains(
                "live managed policy " + arn + " allows secretsmanager:putsecretvalue on *; the repository does not");
    }

    @Test
    void reordered_statements_and_reformatted_actions_are_not_drift() {
        String reordered = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iam:PassRole",
                   "Resource": ["arn:aws:iam::123456789012:role/amply-sandbox-*", "arn:aws:iam::123456789012:role/amply-staging-*"],
                   "Condition": {"StringEquals": {"iam:PassedToService": ["ecs-tasks.amazonaws.com"]}}},
                  {"Effect": "Allow", "Action": ["ecs:UpdateService", "ecs:DescribeServices"],
                   "Resource": ["arn:aws:ecs:eu-central-1:123456789012:service/amply-sandbox/*",
                                "arn:aws:ecs:eu-central-1:123456789012:service/amply-staging/*"]},
                  {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"], "Resource": ["*"]},
                  {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
                   "Resource": ["arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/sandbox/*",
                                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*"]}]}
                """;
        account.putRolePolicy("amply-ci-deploy", "deploy", reordered);
        CliRun run = DriftRun.inProcess("--env", "staging");
        assertThat(run.out()).isEqualTo("staging: no drift; checked 8 secrets, 1 task definition family, 4 roles.\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void a_payload_with_the_wrong_shape_is_changed_and_its_value_appears_in_no_output() throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        account.secrets.putSecretValue(r -> r.secretId("amply/prod/stripe-secret-key").secretString("sk_test_" + canary));
        account.secrets.putSecretValue(r -> r.secretId("amply/prod/checkpoint-signing-key")
                .secretString("{\"private_key\": \"" + canary + "\", \"key_id\": 7}"));

        CliRun json = DriftRun.inProcess("--env", "prod", "--check-payloads", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(items(json)).containsExactly(tuple("changed", "secret:amply/prod/checkpoint-signing-key"),
                tuple("changed", "secret:amply/prod/stripe-secret-key"));
        assertThat(json(json).path("drift").get(1).path("detail").stringValue()).isEqualTo("payload does not match"
                + " schemas/stripe-secret-key.schema.json for prod: (payload) pattern: must start with sk_live_ in prod");

        CliRun text = DriftRun.inProcess("--env", "prod", "--check-payloads");
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "eu-central-1");
        CliRun processJson = DriftRun.process(env, "--env", "prod", "--check-payloads", "--format", "json");
        CliRun processText = DriftRun.process(env, "--check-payloads");
        assertThat(processJson.exitCode()).as(processJson.err()).isEqualTo(1);
        assertThat(processText.exitCode()).as(processText.err()).isEqualTo(1);
        assertThat(processJson.out()).isEqualTo(json.out());
        for (CliRun run : List.of(json, text, processJson, processText)) {
            assertThat(run.out() + run.err()).doesNotContain(canary).doesNotContain(canary.substring(6, 20));
        }
        assertThat(processText.err()).as("nothing but the report when stderr is not a terminal").isEmpty();
    }

    @Test
    void the_report_can_be_written_to_a_file_for_the_ci_artifact() throws Exception {
        Path file = java.nio.file.Files.createTempFile("drift", ".json");
        CliRun run = DriftRun.inProcess("--env", "sandbox", "--format", "json", "--output", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode report = JSON.readTree(java.nio.file.Files.readString(file));
        assertThat(report.path("environment").stringValue()).isEqualTo("sandbox");
        assertThat(report.path("summary").path("total").intValue()).isZero();
    }
}
