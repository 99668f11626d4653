package com.amply.policysuite.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.secrets.PemKeys.Encoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LeakScannerTest {

    private static final LeakScanner SCANNER = new LeakScanner();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Real-looking material is assembled at run time so this file never contains any. */
    private static String realLooking(String prefix, int length) {
        Random random = new Random(prefix.hashCode());
        StringBuilder body = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            body.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return body.toString();
    }

    private static final String LIVE_KEY = realLooking("sk_" + "live_", 24);

    @Test
    void finds_a_planted_live_stripe_key_at_its_line_and_column() {
        String text = "# payment settings\nstripe:\n  api_key: \"" + LIVE_KEY + "\"\n";

        assertThat(SCANNER.scan("config/app.yaml", text)).containsExactly(new LeakFinding(LeakKind.STRIPE_LIVE_KEY,
                3, 13, "live Stripe API key (sk_live_/rk_live_) at line 3, column 13: remove it from the file and rotate it"));
    }

    @Test
    void finds_a_pem_private_key_block_at_its_begin_line() {
        String text = "notes\n\n    " + TestKeys.pem(1024, Encoding.PKCS1);

        assertThat(SCANNER.scan("docs/notes.md", text)).containsExactly(new LeakFinding(LeakKind.PEM_PRIVATE_KEY,
                3, 5, "PEM private key block at line 3, column 5: remove it from the file and rotate it"));
    }

    @Test
    void finds_a_pem_key_escaped_inside_a_json_string() {
        String json = "{\"private_key\": \"" + TestKeys.pem(1024, Encoding.PKCS8).replace("\n", "\\n") + "\"}";

        assertThat(SCANNER.scan("secrets.json", json)).extracting(LeakFinding::kind, LeakFinding::line,
                LeakFinding::column).containsExactly(org.assertj.core.groups.Tuple.tuple(LeakKind.PEM_PRIVATE_KEY, 1, 18));
    }

    @Test
    void finds_test_and_restricted_keys_webhook_secrets_and_urls_with_real_passwords() {
        String text = String.join("\n",
                realLooking("sk_" + "test_", 24),
                "x=" + realLooking("rk_" + "live_", 30),
                realLooking("wh" + "sec_", 32),
                "DATABASE_URL=postgresql+asyncpg://amply_app:" + realLooking("", 20)
                        + "@amply-prod.abc123.eu-central-1.rds.amazonaws.com:5432/amply?sslmode=require");

        assertThat(SCANNER.scan("deploy/.env", text)).extracting(LeakFinding::kind, LeakFinding::line,
                LeakFinding::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LeakKind.STRIPE_TEST_KEY, 1, 1),
                org.assertj.core.groups.Tuple.tuple(LeakKind.STRIPE_LIVE_KEY, 2, 3),
                org.assertj.core.groups.Tuple.tuple(LeakKind.STRIPE_WEBHOOK_SECRET, 3, 1),
                org.assertj.core.groups.Tuple.tuple(LeakKind.CONNECTION_URL_PASSWORD, 4, 14));
    }

    @Test
    void ignores_the_documented_placeholders() {
        String text = String.join("\n",
                "sk_live_xxxxx",
                "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "sk_live_FAKEFAKEFAKEFAKEFAKE0000",
                "sk_test_EXAMPLEKEYDONOTUSE123456",
                "sk_test_aaaaaaaaaaaaaaaaaaaaaaaa",
                "whsec_FAKEFAKEFAKEFAKEFAKEFAKEFAKE0000",
                "postgresql+asyncpg://amply_app:password@amply-prod.xxxxx.eu-central-1.rds.amazonaws.com:5432/amply",
                "postgresql+asyncpg://amply_app:CHANGE_ME@amply-prod.abc.rds.amazonaws.com:5432/amply",
                "postgresql+asyncpg://amply_app:" + realLooking("", 20) + "@db.example.invalid:5432/amply",
                "redis://:${REDIS_PASSWORD}@cache.internal:6379/0",
                "redis://:<token>@cache.internal:6379/0",
                "{\"private_key\": \"-----BEGIN RSA PRIVATE KEY-----\\n...\"}",
                "-----BEGIN PRIVATE KEY-----",
                "-----END PRIVATE KEY-----");

        assertThat(SCANNER.scan("docs/secrets.md", text)).isEmpty();
    }

    @Test
    void skips_every_file_in_schemas_examples_and_the_examples_are_fake_even_when_scanned() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.EXAMPLES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString()
                        .replace('\\', '/');
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(SCANNER.scan(relative, text + "\n" + LIVE_KEY)).as(relative).isEmpty();
                assertThat(SCANNER.scan("elsewhere/" + file.getFileName(), text)).as(relative).isEmpty();
            }
        }
        assertThat(SCANNER.scan("schemas\\examples\\stripe-secret-key\\valid\\x.txt", LIVE_KEY)).isEmpty();
        assertThat(SCANNER.scan("./schemas/examples/x.txt", LIVE_KEY)).isEmpty();
        assertThat(SCANNER.scan("schemas/x.txt", LIVE_KEY)).hasSize(1);
    }

    @Test
    void messages_never_contain_the_value_or_a_part_of_it() {
        String pem = TestKeys.pem(1024, Encoding.PKCS1);
        String url = "postgres://admin:" + realLooking("", 20) + "@10.0.0.7:5432/amply";
        String text = LIVE_KEY + "\n" + pem + "\n" + url + "\n" + realLooking("wh" + "sec_", 32);

        List<LeakFinding> findings = SCANNER.scan("leak.txt", text);

        assertThat(findings).extracting(LeakFinding::kind).containsExactly(LeakKind.STRIPE_LIVE_KEY,
                LeakKind.PEM_PRIVATE_KEY, LeakKind.CONNECTION_URL_PASSWORD, LeakKind.STRIPE_WEBHOOK_SECRET);
        for (LeakFinding finding : findings) {
            String rendered = finding.toString();
            for (String secret : List.of(LIVE_KEY.substring(8), pem.lines().skip(1).findFirst().orElseThrow(),
                    url.substring(17, 37), "admin", "10.0.0.7")) {
                for (int i = 0; i + 6 <= secret.length(); i++) {
                    assertThat(rendered).doesNotContain(secret.substring(i, i + 6));
                }
            }
        }
    }

    @Test
    void the_committed_sources_schemas_and_docs_contain_no_real_looking_secrets() throws IOException {
        for (String root : List.of("src", "schemas", "docs")) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String relative = file.toString().replace('\\', '/');
                    assertThat(SCANNER.scan(relative, Files.readString(file, StandardCharsets.UTF_8)))
                            .as(relative).isEmpty();
                }
            }
        }
    }
}
