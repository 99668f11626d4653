package com.amply.policysuite.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.secrets.PemKeys.Encoding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class SecretPayloadValidatorTest {

    private static final SecretPayloadValidator VALIDATOR = Fixtures.validator();
    private static final String DB = "postgresql+asyncpg://amply_app:FAKE_PASSWORD@amply-prod.db.example.invalid:5432";

    static String checkpoint(String privateKey, String keyId, String validFrom, String validUntil) {
        StringBuilder json = new StringBuilder("{");
        if (privateKey != null) {
            json.append("\"private_key\":").append(JsonNodeFactory.instance.stringNode(privateKey)).append(',');
        }
        if (keyId != null) {
            json.append("\"key_id\":\"").append(keyId).append("\",");
        }
        json.append("\"valid_from\":\"").append(validFrom).append("\",\"valid_until\":\"").append(validUntil)
                .append("\"}");
        return json.toString();
    }

    @Nested
    class StripeSecretKey {

        @Test
        void a_test_key_in_prod_must_start_with_sk_live() {
            assertThat(VALIDATOR.validate("prod", "stripe-secret-key", "sk_test_FAKEFAKEFAKEFAKE0000"))
                    .containsExactly(new Violation("", "pattern",
                            "stripe-secret-key.schema.json#/$defs/env-prod/pattern",
                            "must start with sk_live_ in prod"));
        }

        @Test
        void a_live_key_in_staging_is_rejected() {
            assertThat(VALIDATOR.validate("staging", "stripe-secret-key", "sk_live_FAKEFAKEFAKEFAKE0000"))
                    .containsExactly(new Violation("", "pattern",
                            "stripe-secret-key.schema.json#/$defs/env-staging/pattern",
                            "must start with sk_test_ in staging (live keys belong to prod only)"));
        }

        @Test
        void a_live_key_in_prod_and_a_test_key_in_sandbox_are_accepted() {
            assertThat(VALIDATOR.validate("prod", "stripe-secret-key", "sk_live_FAKEFAKEFAKEFAKE0000")).isEmpty();
            assertThat(VALIDATOR.validate("sandbox", "stripe-secret-key", "sk_test_FAKEFAKEFAKEFAKE0000")).isEmpty();
        }
    }

    @Nested
    class DatabaseUrl {

        @Test
        void a_url_without_sslmode_require_is_rejected() {
            assertThat(VALIDATOR.validate("prod", "database-url", DB + "/amply")).containsExactly(new Violation("",
                    "connectionUrl.query", "database-url.schema.json#/$defs/common/connectionUrl",
                    "must set sslmode=require"));
        }

        @Test
        void a_mysql_url_is_rejected_for_its_scheme() {
            assertThat(VALIDATOR.validate("staging", "database-url",
                    "mysql://amply_app:FAKE_PASSWORD@db.example.invalid:3306/amply?sslmode=require"))
                    .containsExactly(new Violation("", "connectionUrl.scheme",
                            "database-url.schema.json#/$defs/common/connectionUrl",
                            "must use the postgresql+asyncpg:// scheme (mysql:// and other drivers are rejected)"));
        }

        @Test
        void every_missing_part_is_reported_separately() {
            assertThat(VALIDATOR.validate("prod", "database-url", "postgresql+asyncpg://db.example.invalid"))
                    .extracting(Violation::rule)
                    .containsExactly("connectionUrl.port", "connectionUrl.user", "connectionUrl.password",
                            "connectionUrl.path", "connectionUrl.query");
        }
    }

    @Nested
    class RedisUrl {

        @Test
        void prod_must_use_tls() {
            assertThat(VALIDATOR.validate("prod", "redis-url", "redis://cache.example.invalid:6379/0"))
                    .containsExactly(new Violation("", "pattern",
                            "redis-url.schema.json#/$defs/env-prod/pattern",
                            "must use rediss:// (TLS) in prod"));
        }

        @Test
        void staging_may_use_plain_redis() {
            assertThat(VALIDATOR.validate("staging", "redis-url", "redis://cache.example.invalid:6379/0")).isEmpty();
        }
    }

    @Nested
    class CheckpointSigningKey {

        private final String key2048 = TestKeys.pem(2048, Encoding.PKCS1);

        @Test
        void a_pkcs1_and_a_pkcs8_2048_bit_key_with_a_one_year_validity_are_accepted() {
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key",
                    checkpoint(key2048, "amply-checkpoint-key-2025", "2025-01-01", "2026-01-01"))).isEmpty();
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key",
                    checkpoint(TestKeys.pem(2048, Encoding.PKCS8), "amply-checkpoint-key-2025", "2025-01-01",
                            "2026-01-01"))).isEmpty();
        }

        @Test
        void a_key_object_missing_key_id_is_rejected_at_key_id() {
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key",
                    checkpoint(key2048, null, "2025-01-01", "2026-01-01")))
                    .containsExactly(new Violation("/key_id", "required",
                            "checkpoint-signing-key.schema.json#/$defs/common/required",
                            "required field key_id is missing"));
        }

        @Test
        void valid_until_before_valid_from_is_rejected_at_valid_until() {
            assertThat(VALIDATOR.validate("staging", "checkpoint-signing-key",
                    checkpoint(key2048, "amply-checkpoint-key-2025", "2025-06-01", "2025-05-31")))
                    .containsExactly(new Violation("/valid_until", "dateRange.order",
                            "checkpoint-signing-key.schema.json#/$defs/common/dateRange",
                            "valid_from must be before valid_until"));
        }

        @Test
        void a_validity_of_more_than_one_year_is_rejected() {
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key",
                    checkpoint(key2048, "amply-checkpoint-key-2025", "2025-01-01", "2026-01-02")))
                    .containsExactly(new Violation("/valid_until", "dateRange.maxPeriod",
                            "checkpoint-signing-key.schema.json#/$defs/common/dateRange",
                            "validity must not exceed one year (annual rotation)"));
        }

        @Test
        void a_1024_bit_rsa_key_is_too_weak() {
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key",
                    checkpoint(TestKeys.pem(1024, Encoding.PKCS8), "amply-checkpoint-key-2025", "2025-01-01",
                            "2026-01-01")))
                    .containsExactly(new Violation("/private_key", "pemPrivateKey.minBits",
                            "checkpoint-signing-key.schema.json#/$defs/common/properties/private_key/pemPrivateKey",
                            "must be an RSA key of at least 2048 bits"));
        }

        @Test
        void a_pem_block_whose_body_is_not_a_key_is_rejected_as_unparsable() {
            String garbage = PemKeys.pem(Encoding.PKCS8, "FAKE but valid base64 of a non-key".getBytes());
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key",
                    checkpoint(garbage, "amply-checkpoint-key-2025", "2025-01-01", "2026-01-01")))
                    .containsExactly(new Violation("/private_key", "pemPrivateKey.parse",
                            "checkpoint-signing-key.schema.json#/$defs/common/properties/private_key/pemPrivateKey",
                            "PEM body must be an RSA private key that Java's KeyFactory can parse"));
        }

        @Test
        void a_payload_that_is_not_json_is_a_clear_error() {
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key", "private_key=FAKE"))
                    .containsExactly(new Violation("", "json", "checkpoint-signing-key.schema.json#/x-payload",
                            "payload must be a JSON document (it does not parse as JSON)"));
        }

        @Test
        void duplicate_fields_are_not_silently_collapsed() {
            String twice = "{\"key_id\":\"amply-checkpoint-key-2025\",\"key_id\":\"amply-checkpoint-key-2026\"}";
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key", twice)).extracting(Violation::rule)
                    .containsExactly("json");
        }

        @Test
        void an_unknown_field_is_reported_on_the_object_without_naming_it() {
            String payload = "{\"private_key\":" + JsonNodeFactory.instance.stringNode(key2048)
                    + ",\"key_id\":\"amply-checkpoint-key-2025\",\"valid_from\":\"2025-01-01\","
                    + "\"valid_until\":\"2026-01-01\",\"note\":\"FAKE\"}";
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key", payload))
                    .containsExactly(new Violation("", "additionalProperties",
                            "checkpoint-signing-key.schema.json#/$defs/common/additionalProperties",
                            "only private_key, key_id, valid_from and valid_until are allowed (an unknown field is present)"));
        }
    }

    @Nested
    class RandomKeys {

        @Test
        void a_five_character_session_secret_is_too_short() {
            assertThat(VALIDATOR.validate("prod", "session-secret", "abcde"))
                    .containsExactly(new Violation("", "keyEntropy.length",
                            "session-secret.schema.json#/$defs/common/keyEntropy",
                            "must be at least 32 random bytes: 43+ base64 characters or 64+ hex characters"));
        }

        @Test
        void a_repeated_character_of_the_right_length_is_low_entropy() {
            assertThat(VALIDATOR.validate("sandbox", "api-encryption-key", "7".repeat(64)))
                    .containsExactly(new Violation("", "keyEntropy.entropy",
                            "api-encryption-key.schema.json#/$defs/common/keyEntropy",
                            "looks low-entropy (repeated characters or a repeating pattern); generate it randomly"));
        }

        @Test
        void random_base64_and_hex_keys_of_32_bytes_are_accepted() {
            java.util.Random random = new java.util.Random(42);
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            assertThat(VALIDATOR.validate("prod", "session-secret",
                    java.util.Base64.getEncoder().encodeToString(bytes))).isEmpty();
            assertThat(VALIDATOR.validate("prod", "session-secret", java.util.HexFormat.of().formatHex(bytes)))
                    .isEmpty();
        }
    }

    @Nested
    class BadInputIsAViolationNotAnException {

        @Test
        void an_unknown_environment_lists_the_environments_the_schema_defines() {
            assertThat(VALIDATOR.validate("production", "sentry-dsn", "x")).containsExactly(new Violation("",
                    "environment", "sentry-dsn.schema.json#/$defs",
                    "unknown environment for this secret; the schema defines: prod, sandbox, staging"));
        }

        @Test
        void an_unknown_secret_name_lists_the_known_secrets() {
            assertThat(VALIDATOR.validate("prod", "github-token", "x")).singleElement()
                    .satisfies(v -> {
                        assertThat(v.rule()).isEqualTo("secret");
                        assertThat(v.message()).startsWith("no schema is defined for this secret name; known: ")
                                .contains("database-url", "stripe-webhook-secret");
                    });
        }

        @Test
        void nulls_are_violations() {
            assertThat(VALIDATOR.validate(null, "sentry-dsn", "x")).extracting(Violation::rule)
                    .containsExactly("environment");
            assertThat(VALIDATOR.validate("prod", null, "x")).extracting(Violation::rule).containsExactly("secret");
            assertThat(VALIDATOR.validate("prod", "sentry-dsn", null)).containsExactly(
                    new Violation("", "payload", "", "no payload was given"));
        }

        @Test
        void a_json_secret_given_a_json_string_reports_the_type() {
            assertThat(VALIDATOR.validate("prod", "checkpoint-signing-key", "\"FAKE\"")).containsExactly(
                    new Violation("", "type", "checkpoint-signing-key.schema.json#/$defs/common/type",
                            "must be a JSON object"));
        }
    }
}
