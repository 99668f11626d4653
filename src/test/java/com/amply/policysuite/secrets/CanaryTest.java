package com.amply.policysuite.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.secrets.PemKeys.Encoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs every failure path with payloads that embed a unique canary and asserts the canary (or a part of it) never
 * shows up in a violation's pointer, rule, schema location, message or toString().
 */
class CanaryTest {

    private static final String C = "CANARY7f3a9";
    private static final List<String> FRAGMENTS = List.of("canary", "7f3a9", "ary7f");
    private static final List<String> ENVIRONMENTS = List.of("prod", "staging", "sandbox");

    private record Case(String environment, String secret, String payload) {
    }

    private static List<Case> failurePaths() {
        List<Case> cases = new ArrayList<>();
        String key = TestKeys.pem(2048, Encoding.PKCS1);
        for (String env : ENVIRONMENTS) {
            for (String payload : List.of(C, C + " " + C, "mysql://" + C + ":" + C + "@db.example.invalid:3306/" + C
                            + "?sslmode=" + C,
                    "postgresql+asyncpg://" + C + "@" + C + ".example.invalid/" + C,
                    "postgresql+asyncpg://u:" + C + "@db.example.invalid:5432/" + C + "?sslmode=disable&x=" + C,
                    "postgresql+asyncpg://" + C + "_host/db", "postgresql+asyncpg://u:p@db.example.invalid:99999/a-"
                            + C + "$?sslmode=require")) {
                cases.add(new Case(env, "database-url", payload));
            }
            for (String payload : List.of(C, "redis://" + C + ".example.invalid:6379/" + C, "http://" + C + ":6379",
                    "redis://" + C + ".example.invalid/0")) {
                cases.add(new Case(env, "redis-url", payload));
            }
            for (String payload : List.of(C, "sk_test_" + C + "-AAAAAAAAAA", "sk_live_" + C + "-AAAAAAAAAA",
                    "rk_live_" + C + "AAAAAAAAAA", "sk_live_" + C)) {
                cases.add(new Case(env, "stripe-secret-key", payload));
            }
            for (String payload : List.of(C, "whsec_" + C, "whsec_" + C + "!!!!!!!!!!!!!!!!")) {
                cases.add(new Case(env, "stripe-webhook-secret", payload));
            }
            for (String payload : List.of(C, "http://" + C + "@" + C + ".example.invalid/" + C, "https://"
                    + C + ".example.invalid/1")) {
                cases.add(new Case(env, "sentry-dsn", payload));
            }
            for (String secret : List.of("session-secret", "api-encryption-key")) {
                for (String payload : List.of(C, C.repeat(6), C + " ".repeat(40), C + "!".repeat(40))) {
                    cases.add(new Case(env, secret, payload));
                }
            }
            for (String payload : List.of(C, "{\"" + C + "\": 1", "[\"" + C + "\"]", "\"" + C + "\"", "{\"" + C
                            + "\": \"" + C + "\"}",
                    checkpoint(C, C, C, C),
                    checkpoint("-----BEGIN RSA PRIVATE KEY-----\n" + C + "\n-----END RSA PRIVATE KEY-----\n",
                            "amply-checkpoint-key-2025", "2025-01-01", "2026-01-01"),
                    checkpoint("-----BEGIN PRIVATE KEY-----\n" + C + "!*\n-----END PRIVATE KEY-----\n",
                            "amply-checkpoint-key-2025", "2025-01-01", "2026-01-01"),
                    checkpoint("-----BEGIN " + C + " PRIVATE KEY-----\nAAAA\n-----END " + C + " PRIVATE KEY-----",
                            "amply-checkpoint-key-2025", "2025-01-01", "2026-01-01"),
                    checkpoint(PemKeys.pem(Encoding.PKCS8, C.getBytes()), C, "2026-01-01", "2025-01-01"),
                    checkpoint(TestKeys.pem(1024, Encoding.PKCS1), "amply-checkpoint-key-2025", "2025-01-01",
                            "2027-01-01"),
                    checkpoint(key, "amply-checkpoint-key-2025", "2025-01-01", "2026-01-01")
                            .replace("}", ",\"" + C + "\":\"" + C + "\"}"),
                    "{\"key_id\":\"" + C + "\",\"key_id\":\"" + C + "\"}",
                    "{\"private_key\":{\"" + C + "\":\"" + C + "\"},\"valid_from\":[\"" + C + "\"]}")) {
                cases.add(new Case(env, "checkpoint-signing-key", payload));
            }
        }
        cases.add(new Case(C, "sentry-dsn", C));
        cases.add(new Case("prod", C, C));
        return cases;
    }

    private static String checkpoint(String privateKey, String keyId, String validFrom, String validUntil) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return "{\"private_key\":" + f.stringNode(privateKey) + ",\"key_id\":" + f.stringNode(keyId)
                + ",\"valid_from\":" + f.stringNode(validFrom) + ",\"valid_until\":" + f.stringNode(validUntil) + "}";
    }

    @Test
    void no_violation_ever_contains_the_canary_from_the_payload() {
        Set<String> rulesSeen = new TreeSet<>();
        for (Case c : failurePaths()) {
            List<Violation> violations = Fixtures.validator().validate(c.environment(), c.secret(), c.payload());

            assertThat(violations).as("a failure path must fail: %s %s", c.environment(), c.secret()).isNotEmpty();
            for (Violation v : violations) {
                rulesSeen.add(v.rule());
                for (String text : List.of(v.pointer(), v.rule(), v.schemaLocation(), v.message(), v.toString(),
                        v.describe())) {
                    String lower = text.toLowerCase(Locale.ROOT);
                    assertThat(FRAGMENTS).as("canary leaked into %s", v.rule()).noneMatch(lower::contains);
                }
            }
        }
        assertThat(rulesSeen).as("the canary run covers every rule the schemas can report").containsAll(List.of(
                "secret", "environment", "json", "type", "pattern", "required", "additionalProperties", "format",
                "connectionUrl.syntax", "connectionUrl.scheme", "connectionUrl.host", "connectionUrl.port",
                "connectionUrl.user", "connectionUrl.password", "connectionUrl.path", "connectionUrl.query",
                "pemPrivateKey.armor", "pemPrivateKey.base64", "pemPrivateKey.parse", "pemPrivateKey.minBits",
                "dateRange.order", "dateRange.maxPeriod",
                "keyEntropy.length", "keyEntropy.encoding", "keyEntropy.entropy"));
    }
}
