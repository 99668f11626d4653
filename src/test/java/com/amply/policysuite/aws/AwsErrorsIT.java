package com.amply.policysuite.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.aws.FakeEndpoint.Answer;
import com.amply.policysuite.cli.CliRun;
import com.amply.policysuite.load.RepositoryLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS failures end the run with exit 3 and one line on stderr, never a stack trace and never a report; throttling is
 * retried with backoff first. Error answers come from a loopback server that answers like the real service; the rest
 * of the account is moto.
 */
class AwsErrorsIT {
    private static MotoServer moto;
    private static MotoAccount account;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        account = new MotoAccount(moto.endpoint(), new RepositoryLoader().load(Path.of(".")), Path.of("."));
        account.seed();
    }

    @AfterAll
    static void stop() {
        if (account != null) {
            account.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void pointAtMoto() {
        DriftRun.configure(moto.endpoint().toString());
    }

    @AfterEach
    void clear() {
        DriftRun.clear();
    }

    private static void assertOneLineFailure(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).as("no partial report").isEmpty();
        assertThat(FakeEndpoint.lines(run.err())).hasSize(1);
        assertThat(run.err()).startsWith("policy-suite drift: ").contains(expected).doesNotContain("\tat ")
                .doesNotContain("Exception:");
    }

    @Test
    void throttling_is_retried_with_backoff_and_then_the_run_succeeds() throws Exception {
        try (FakeEndpoint secrets = FakeEndpoint.faultsThenForward(2,
                Answer.json(400, "ThrottlingException", "Rate exceeded"), moto.endpoint())) {
            System.setProperty("aws.endpointUrlSecretsManager", secrets.url());
            CliRun run = DriftRun.inProcess("--env", "prod");
            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(secrets.faulted()).isEqualTo(2);
            assertThat(secrets.requests()).as("the throttled ListSecrets was sent again, then the rest").isGreaterThan(3);
        }
    }

    @Test
    void throttling_that_outlasts_the_retries_is_exit_3_with_one_line() throws Exception {
        try (FakeEndpoint secrets = FakeEndpoint.faultsThenForward(-1,
                Answer.json(400, "ThrottlingException", "Rate exceeded"), moto.endpoint())) {
            System.setProperty("aws.endpointUrlSecretsManager", secrets.url());
            System.setProperty("aws.maxAttempts", "3");
            CliRun run = DriftRun.inProcess("--env", "prod", "--format", "json");
            assertOneLineFailure(run, "AWS kept throttling secretsmanager:ListSecrets (ThrottlingException) after retries");
            assertThat(secrets.requests()).isEqualTo(3);
        }
    }

    @Test
    void access_denied_is_exit_3_naming_the_call_and_the_policy_it_needs() throws Exception {
        String message = "User: arn:aws:sts::123456789012:assumed-role/amply-drift-check/ci is not authorized to perform:"
                + " secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action";
        try (FakeEndpoint secrets = FakeEndpoint.always(Answer.json(400, "AccessDeniedException", message))) {
            System.setProperty("aws.endpointUrlSecretsManager", secrets.url());
            CliRun run = DriftRun.inProcess("--env", "prod");
            assertOneLineFailure(run, "access denied to secretsmanager:ListSecrets (AccessDeniedException): " + message
                    + "; the drift check needs policies/drift-check/read-only.json");
            assertThat(secrets.requests()).as("access denied is not retried").isEqualTo(1);
        }
    }

    @Test
    void access_denied_to_a_secret_value_names_only_the_error_code() throws Exception {
        // ListSecrets and DescribeSecret reach moto; GetSecretValue is denied with a message the run must not repeat
        try (FakeEndpoint secrets = FakeEndpoint.faultOn("secretsmanager.GetSecretValue",
                Answer.json(400, "AccessDeniedException", "CANARY-in-the-message"), moto.endpoint())) {
            System.setProperty("aws.endpointUrlSecretsManager", secrets.url());
            CliRun run = DriftRun.inProcess("--env", "prod", "--check-payloads");
            assertOneLineFailure(run, "access denied to secretsmanager:GetSecretValue (AccessDeniedException); the drift"
                    + " check needs policies/drift-check/read-only.json and payloads.json");
            assertThat(run.err()).doesNotContain("CANARY");
            assertThat(secrets.faulted()).isEqualTo(1);
        }
    }

    @Test
    void access_denied_by_sts_is_exit_3() throws Exception {
        try (FakeEndpoint sts = FakeEndpoint.always(Answer.stsError(403, "AccessDenied", "not authorized"))) {
            System.setProperty("aws.endpointUrlSts", sts.url());
            assertOneLineFailure(DriftRun.inProcess("--env", "prod"), "access denied to sts:GetCallerIdentity (AccessDenied)");
        }
    }

    @Test
    void credentials_of_another_account_stop_the_run_before_anything_else_is_read() throws Exception {
        try (FakeEndpoint sts = FakeEndpoint.always(Answer.callerIdentity("111122223333"));
             FakeEndpoint secrets = FakeEndpoint.faultsThenForward(0, null, moto.endpoint())) {
            System.setProperty("aws.endpointUrlSts", sts.url());
            System.setProperty("aws.endpointUrlSecretsManager", secrets.url());
            CliRun run = DriftRun.inProcess();
            assertOneLineFailure(run, "the credentials belong to account 111122223333, not 123456789012 (suite.yaml"
                    + " account); nothing else was read");
            assertThat(secrets.requests()).isZero();
        }
    }

    @Test
    void an_unreachable_endpoint_is_exit_3_with_one_line() throws Exception {
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + MotoServer.freePort());
        System.setProperty("aws.maxAttempts", "2");
        CliRun run = DriftRun.inProcess("--env", "sandbox");
        assertOneLineFailure(run, "cannot reach the sts endpoint for GetCallerIdentity (");
    }

    @Test
    void missing_credentials_are_exit_3_with_one_line() throws Exception {
        CliRun run = DriftRun.process(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION", "eu-central-1"),
                "--env", "prod");
        assertOneLineFailure(run, "no AWS credentials found");
    }
}
