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

/** validate-secret on this repository's schemas: exit codes, messages, and that no payload ever leaks. */
class ValidateSecretCommandTest {
    private static final String CANARY = "CANARY7f3a9";
    private static final List<String> SECRETS = List.of("database-url", "redis-url", "stripe-secret-key",
            "stripe-webhook-secret", "sentry-dsn", "checkpoint-signing-key", "session-secret", "api-encryption-key");
    private static final List<String> ENVIRONMENTS = List.of("prod", "staging", "sandbox");

    @TempDir
    Path dir;

    private CliRun validate(String id, String payload) throws Exception {
        Path file = Files.createTempFile(dir, "payload", ".txt");
        Files.writeString(file, payload);
        return CliRun.of("validate-secret", "--secret-id", id, "--secret-string", "file://" + file);
    }

    private static void assertNoCanary(CliRun run) {
        assertThat(run.out() + run.err()).doesNotContain(CANARY).doesNotContain(CANARY.substring(0, 6))
                .doesNotContain(CANARY.substring(5));
    }

    @Test
    void a_test_key_in_prod_and_a_live_key_in_staging_are_rejected_with_the_rule() throws Exception {
        CliRun prod = validate("amply/prod/stripe-secret-key", "sk_" + "test_" + CANARY + "abcdefghijk");
        assertThat(prod.exitCode()).isEqualTo(1);
        assertThat(prod.out()).isEqualTo("amply/prod/stripe-secret-key: invalid (1 problem)\n"
                + "  (payload) pattern: must start with sk_live_ in prod\n");
        CliRun staging = validate("amply/staging/stripe-secret-key", "sk_" + "live_" + CANARY + "abcdefghijk");
        assertThat(staging.exitCode()).isEqualTo(1);
        assertThat(staging.out()).contains("(payload) pattern: must start with sk_test_");
        assertNoCanary(prod);
        assertNoCanary(staging);
    }

    @Test
    void database_urls_without_sslmode_or_with_mysql_are_rejected() throws Exception {
        CliRun noSsl = validate("amply/prod/database-url", "postgresql+asyncpg://amply_app:" + CANARY + "@db.example.invalid:5432/amply");
        assertThat(noSsl.exitCode()).isEqualTo(1);
        assertThat(noSsl.out()).contains("connectionUrl.query: must set sslmode=require");
        CliRun mysql = validate("amply/prod/database-url", "mysql://amply_app:" + CANARY + "@db.example.invalid:3306/amply?sslmode=require");
        assertThat(mysql.exitCode()).isEqualTo(1);
        assertThat(mysql.out()).contains("connectionUrl.scheme");
        assertNoCanary(noSsl);
        assertNoCanary(mysql);
    }

    @Test
    void a_key_object_without_key_id_or_with_dates_reversed_and_a_short_session_secret_are_rejected() throws Exception {
        CliRun noKeyId = validate("amply/prod/checkpoint-signing-key",
                "{\"private_key\":\"" + CANARY + "\",\"valid_from\":\"2026-11-01\",\"valid_until\":\"2027-10-31\"}");
        assertThat(noKeyId.exitCode()).isEqualTo(1);
        assertThat(noKeyId.out()).contains("required");
        CliRun reversed = validate("amply/prod/checkpoint-signing-key", "{\"private_key\":\"" + CANARY
                + "\",\"key_id\":\"amply-checkpoint-key-2026\",\"valid_from\":\"2027-10-31\",\"valid_until\":\"2026-11-01\"}");
        assertThat(reversed.out()).contains("dateRange.order: valid_from must be before valid_until");
        CliRun shortSecret = validate("amply/prod/session-secret", "abcde");
        assertThat(shortSecret.exitCode()).isEqualTo(1);
        assertThat(shortSecret.out()).startsWith("amply/prod/session-secret: invalid");
        assertNoCanary(noKeyId);
        assertNoCanary(reversed);
    }

    @Test
    void a_correct_payload_is_accepted() throws Exception {
        CliRun run = validate("amply/staging/stripe-secret-key", "sk_" + "test_" + "FAKEFAKEFAKEFAKEFAKE1234");
        assertThat(run.out()).isEqualTo("amply/staging/stripe-secret-key: valid\n");
        assertThat(run.exitCode()).isZero();
        CliRun db = validate("amply/prod/database-url",
                "postgresql+asyncpg://amply_app:password@amply-prod.example.invalid:5432/amply?sslmode=require\n");
        assertThat(db.exitCode()).as(db.out()).isZero();
    }

    @Test
    void no_failure_path_of_any_secret_in_any_environment_echoes_the_payload() throws Exception {
        List<String> payloads = List.of(CANARY, "sk_" + "live_" + CANARY, "whsec_" + CANARY, "https://" + CANARY + "@x/1",
                "redis://:" + CANARY + "@h", "postgresql+asyncpg://u:" + CANARY + "@h/db", "{\"" + CANARY + "\":1}",
                "{\"private_key\":\"-----BEGIN RSA PRIVATE KEY-----\\n" + CANARY + "\\n-----END RSA PRIVATE KEY-----\","
                        + "\"key_id\":\"" + CANARY + "\",\"valid_from\":\"" + CANARY + "\",\"valid_until\":\"2026-01-01\","
                        + "\"" + CANARY + "\":\"" + CANARY + "\"}", "[\"" + CANARY + "\"", CANARY.repeat(3));
        int runs = 0;
        for (String secret : SECRETS) {
            for (String env : ENVIRONMENTS) {
                for (String payload : payloads) {
                    CliRun run = validate("amply/" + env + "/" + secret, payload);
                    assertThat(run.exitCode()).as(secret + " in " + env + ", payload #" + payloads.indexOf(payload)).isEqualTo(1);
                    assertNoCanary(run);
                    runs++;
                }
            }
        }
        assertThat(runs).isEqualTo(SECRETS.size() * ENVIRONMENTS.size() * payloads.size());
    }

    @Test
    void unreadable_input_and_unknown_ids_are_exit_2_without_the_payload() throws Exception {
        CliRun unknown = validate("amply/prod/mailgun-key", CANARY);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("policy-suite validate-secret: amply/prod/mailgun-key is not in the catalog (suite.yaml secrets)\n");
        CliRun badEnv = validate("amply/qa/database-url", CANARY);
        assertThat(badEnv.exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("validate-secret", "--secret-id", "amply/prod/database-url", "--secret-string",
                "file://" + dir.resolve("absent.txt"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a readable file");
        CliRun tooLarge = validate("amply/prod/database-url", CANARY.repeat(10_000));
        assertThat(tooLarge.exitCode()).isEqualTo(2);
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'C'});
        CliRun notText = CliRun.of("validate-secret", "--secret-id", "amply/prod/database-url", "--secret-string", "file://" + binary);
        assertThat(notText.exitCode()).isEqualTo(2);
        for (CliRun run : List.of(unknown, badEnv, missing, tooLarge, notText)) {
            assertNoCanary(run);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void the_payload_can_come_from_standard_input() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("sk_" + "live_" + CANARY + "xyzxyzxyz\n").getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("validate-secret", "--secret-id", "amply/sandbox/stripe-secret-key", "--secret-string", "-");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("must start with sk_test_");
            assertNoCanary(run);
        } finally {
            System.setIn(saved);
        }
    }
}
