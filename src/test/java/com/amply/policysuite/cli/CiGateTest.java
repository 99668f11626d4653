package com.amply.policysuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.report.SarifSchema;
import com.amply.policysuite.rules.RuleRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CI gate's "done when" cases: a copy of this repository with three planted errors (a prod task definition
 * reading a staging secret, a plaintext Stripe key in staging, a sandbox task definition with a staging family),
 * checked in every format, with and without waivers, overrides and thresholds.
 */
class CiGateTest {
    private static final String PROD = "task-definitions/prod/api.json";
    private static final String STAGING = "task-definitions/staging/api.json";
    private static final String SANDBOX = "task-definitions/sandbox/api.json";
    private static final String TODAY = "2026-12-04";
    private static final String REASON = "Staging uses a Stripe test key until ticket PAY-142 lands";
    private static final String WAIVER = "waivers:\n"
            + "  - rule: TD007\n"
            + "    file: \"task-definitions/staging/*.json\"\n"
            + "    pointer: /containerDefinitions/0/environment/1\n"
            + "    reason: \"" + REASON + "\"\n"
            + "    expires: 2027-03-01\n";

    @TempDir
    Path repo;
    @TempDir
    Path out;

    private int secretLine;
    private int stripeLine;

    @BeforeEach
    void plantThreeErrors() throws IOException {
        for (String entry : List.of("suite.yaml", "policies", "task-definitions", "schemas")) {
            FixtureRepository.copy(Path.of(entry), repo.resolve(entry));
        }
        String redis = Files.readString(repo.resolve(PROD)).replaceAll("(?s).*(amply/prod/redis-url-\\w{6}).*", "$1");
        replace(PROD, redis, "amply/staging/redis-url");
        replace(STAGING, "\"name\": \"LOG_LEVEL\"", "\"name\": \"STRIPE_SECRET_KEY\"");
        replace(SANDBOX, "\"family\": \"amply-sandbox-api\"", "\"family\": \"amply-staging-api\"");
        secretLine = lineOf(PROD, "amply/staging/redis-url");
        stripeLine = lineOf(STAGING, "\"STRIPE_SECRET_KEY\",") - 1; // the finding points at the variable's object
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = repo.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(repo.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private CliRun check(String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.toString(), "--today", TODAY));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Checks with {@code --output} and returns the file's content, asserting that nothing went to stdout. */
    private String checkToFile(int exitCode, String... options) throws IOException {
        Path file = out.resolve("report-" + System.nanoTime());
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--output", file.toString()));
        CliRun run = check(args.toArray(String[]::new));
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(exitCode);
        return Files.readString(file);
    }

    private String td002() {
        return "TD002 error " + PROD + ":" + secretLine + ":24 /containerDefinitions/0/secrets/1/valueFrom: prod task"
                + " definition must not reference staging secret amply/staging/redis-url; use amply/prod/redis-url.";
    }

    private static String td004() {
        return "TD004 error " + SANDBOX + ":2:13 /family: family amply-staging-api is for staging but the file is under"
                + " task-definitions/sandbox/; use amply-sandbox-api.";
    }

    private String td007() {
        return "TD007 error " + STAGING + ":" + stripeLine + ":9 /containerDefinitions/0/environment/1: environment"
                + " variable STRIPE_SECRET_KEY is the catalog secret stripe-secret-key in plaintext; move it to secrets"
                + " with valueFrom arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/stripe-secret-key.";
    }

    private String gh002() {
        return "::error file=" + PROD + ",line=" + secretLine + ",col=24,title=TD002::/containerDefinitions/0/secrets/1/valueFrom:"
                + " prod task definition must not reference staging secret amply/staging/redis-url; use amply/prod/redis-url.\n";
    }

    private static String gh004() {
        return "::error file=" + SANDBOX + ",line=2,col=13,title=TD004::/family: family amply-staging-api is for staging"
                + " but the file is under task-definitions/sandbox/; use amply-sandbox-api.\n";
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** "RULE file startLine:startColumn level [suppressed: justification]" per SARIF result. */
    private static List<String> sarifResults(JsonNode sarif) {
        JsonNode run = sarif.get("runs").get(0);
        List<String> out = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            assertThat(loc.get("artifactLocation").get("uriBaseId").stringValue()).isEqualTo("%SRCROOT%");
            assertThat(run.get("tool").get("driver").get("rules").get(r.get("ruleIndex").asInt()).get("id").stringValue())
                    .isEqualTo(r.get("ruleId").stringValue());
            out.add(r.get("ruleId").stringValue() + " " + loc.get("artifactLocation").get("uri").stringValue() + " "
                    + loc.get("region").get("startLine").asInt() + ":" + loc.get("region").get("startColumn").asInt() + " "
                    + r.get("level").stringValue()
                    + (r.has("suppressions") ? " suppressed " + r.get("suppressions").get(0).get("kind").stringValue()
                    + ": " + r.get("suppressions").get(0).get("justification").stringValue() : ""));
        }
        return out;
    }

    /** "classname name" of each failing test case, and the failure's text. */
    private static List<String> failingCases(Document junit) {
        List<String> out = new ArrayList<>();
        NodeList failures = junit.getElementsByTagName("failure");
        for (int i = 0; i < failures.getLength(); i++) {
            Element testcase = (Element) failures.item(i).getParentNode();
            out.add(testcase.getAttribute("classname") + " " + testcase.getAttribute("name") + " => "
                    + failures.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void text_lists_the_three_planted_errors_then_the_summary() {
        CliRun run = check();
        assertThat(run.out()).isEqualTo(td002() + "\n" + td004() + "\n" + td007() + "\n"
                + "3 errors, 0 warnings, 0 infos, 0 waived; 22 files checked.\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void sarif_validates_against_the_schema_and_points_to_the_planted_lines() throws IOException {
        String sarif = checkToFile(1, "--format", "sarif");
        assertThat(SarifSchema.violations(sarif)).isEmpty();
        JsonNode log = json(sarif);
        assertThat(log.get("version").stringValue()).isEqualTo("2.1.0");
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertThat(driver.get("name").stringValue()).isEqualTo("policy-suite");
        assertThat(driver.get("rules")).hasSize(RuleRegistry.all().size());
        assertThat(sarifResults(log)).containsExactly(
                "TD002 " + PROD + " " + secretLine + ":24 error",
                "TD004 " + SANDBOX + " 2:13 error",
                "TD007 " + STAGING + " " + stripeLine + ":9 error");
    }

    @Test
    void junit_has_one_failing_test_case_per_planted_error() throws Exception {
        Document junit = xml(checkToFile(1, "--format", "junit"));
        assertThat(failingCases(junit)).containsExactly(
                "TD002 " + PROD + " => " + td002() + "\n",
                "TD004 " + SANDBOX + " => " + td004() + "\n",
                "TD007 " + STAGING + " => " + td007() + "\n");
        Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        int cases = RuleRegistry.all().size() * 22; // every rule × every file checked passes or fails visibly
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases));
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(cases);
    }

    @Test
    void github_annotates_the_planted_lines() {
        CliRun run = check("--format", "github");
        assertThat(run.out()).isEqualTo(gh002() + gh004()
                + "::error file=" + STAGING + ",line=" + stripeLine + ",col=9,title=TD007::/containerDefinitions/0/environment/1:"
                        + " environment variable STRIPE_SECRET_KEY is the catalog secret stripe-secret-key in plaintext; move it"
                        + " to secrets with valueFrom arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/stripe-secret-key.\n"
                + "3 errors, 0 warnings, 0 infos, 0 waived; 22 files checked.\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_waiver_with_a_reason_waives_one_finding_and_every_format_shows_it_as_waived() throws Exception {
        Files.writeString(repo.resolve("waivers.yaml"), WAIVER);
        String note = " [waived until 2027-03-01: " + REASON + "]";

        CliRun text = check();
        assertThat(text.out()).isEqualTo(td002() + "\n" + td004() + "\n" + "waived " + td007() + note + "\n"
                + "2 errors, 0 warnings, 0 infos, 1 waived; 23 files checked.\n");
        assertThat(text.exitCode()).isEqualTo(1);

        JsonNode json = json(checkToFile(1, "--format", "json"));
        assertThat(json.get("summary").toString())
                .isEqualTo("{\"errors\":2,\"warnings\":0,\"infos\":0,\"waived\":1,\"filesChecked\":23}");
        assertThat(json.get("findings")).extracting(f -> f.get("ruleId").stringValue()).containsExactly("TD002", "TD004");
        JsonNode waived = json.get("waived").get(0);
        assertThat(json.get("waived")).hasSize(1);
        assertThat(waived.propertyNames()).containsExactly("ruleId", "severity", "file", "pointer", "line", "column",
                "message", "reason", "expires");
        assertThat(List.of(waived.get("ruleId").stringValue(), waived.get("file").stringValue(),
                waived.get("line").asInt(), waived.get("reason").stringValue(), waived.get("expires").stringValue()))
                .containsExactly("TD007", STAGING, stripeLine, REASON, "2027-03-01");

        String sarif = checkToFile(1, "--format", "sarif");
        assertThat(SarifSchema.violations(sarif)).isEmpty();
        assertThat(sarifResults(json(sarif))).containsExactly(
                "TD002 " + PROD + " " + secretLine + ":24 error",
                "TD004 " + SANDBOX + " 2:13 error",
                "TD007 " + STAGING + " " + stripeLine + ":9 error suppressed external: " + REASON);

        Document junit = xml(checkToFile(1, "--format", "junit"));
        assertThat(failingCases(junit)).containsExactly(
                "TD002 " + PROD + " => " + td002() + "\n",
                "TD004 " + SANDBOX + " => " + td004() + "\n");
        NodeList outs = junit.getElementsByTagName("system-out");
        assertThat(outs.getLength()).isEqualTo(1);
        Element waivedCase = (Element) outs.item(0).getParentNode();
        assertThat(waivedCase.getAttribute("classname") + " " + waivedCase.getAttribute("name")).isEqualTo("TD007 " + STAGING);
        assertThat(outs.item(0).getTextContent()).isEqualTo("waived " + td007() + note + "\n");

        CliRun github = check("--format", "github");
        assertThat(github.out()).isEqualTo(gh002() + gh004()
                + "::notice file=" + STAGING + ",line=" + stripeLine + ",col=9,title=TD007 (waived)::waived until 2027-03-01: "
                        + REASON + " | error: /containerDefinitions/0/environment/1: environment variable STRIPE_SECRET_KEY is"
                        + " the catalog secret stripe-secret-key in plaintext; move it to secrets with valueFrom"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/stripe-secret-key.\n"
                + "2 errors, 0 warnings, 0 infos, 1 waived; 23 files checked.\n");
        assertThat(github.exitCode()).isEqualTo(1);
    }

    @Test
    void waiving_every_planted_error_passes_the_gate_and_still_lists_them() throws IOException {
        Files.writeString(repo.resolve("waivers.yaml"), WAIVER
                + "  - rule: TD002\n    file: " + PROD + "\n    reason: \"Redis migration, PAY-150\"\n    expires: 2027-01-31\n"
                + "  - rule: TD004\n    file: \"task-definitions/**\"\n    pointer: /family\n    reason: \"Renamed in PAY-151\"\n"
                + "    expires: 2027-01-31\n");
        CliRun run = check();
        assertThat(run.out()).endsWith("\n0 errors, 0 warnings, 0 infos, 3 waived; 23 files checked; no errors.\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("waived "))).hasSize(3);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void an_expired_waiver_fails_and_waives_nothing() throws IOException {
        Files.writeString(repo.resolve("waivers.yaml"), WAIVER.replace("2027-03-01", "2026-12-01"));
        CliRun run = check();
        assertThat(run.out()).isEqualTo(td002() + "\n" + td004() + "\n" + td007() + "\n"
                + "CFG003 error waivers.yaml:6:14 /waivers/0/expires: waiver for TD007 on task-definitions/staging/*.json"
                + " at /containerDefinitions/0/environment/1 expired on 2026-12-01; fix the finding, or renew the waiver"
                + " with a current reason and a new date.\n"
                + "4 errors, 0 warnings, 0 infos, 0 waived; 23 files checked.\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_waiver_for_a_fixed_finding_fails_until_it_is_removed() throws IOException {
        Files.writeString(repo.resolve("waivers.yaml"), WAIVER.replace("environment/1", "environment/0"));
        CliRun run = check();
        assertThat(run.out()).contains(td007() + "\n" + "CFG004 error waivers.yaml:2:5 /waivers/0: waiver for TD007 on"
                + " task-definitions/staging/*.json at /containerDefinitions/0/environment/0 matches no finding; the problem"
                + " is gone, so remove the waiver.\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void severity_overrides_change_the_severity_and_fail_on_sets_the_threshold() throws IOException {
        Files.writeString(repo.resolve("suite.yaml"), Files.readString(repo.resolve("suite.yaml"))
                + "\nrules:\n  TD002: warning\n  TD004: info\n  TD007: warning\n");
        CliRun run = check();
        assertThat(run.out()).isEqualTo(td002().replace("TD002 error", "TD002 warning") + "\n"
                + td004().replace("TD004 error", "TD004 info") + "\n"
                + td007().replace("TD007 error", "TD007 warning") + "\n"
                + "0 errors, 2 warnings, 1 info, 0 waived; 22 files checked; no errors.\n");
        assertThat(run.exitCode()).isZero();
        assertThat(check("--fail-on", "warning").exitCode()).isEqualTo(1);
        assertThat(check("--fail-on", "info").exitCode()).isEqualTo(1);
        Files.writeString(repo.resolve("waivers.yaml"), WAIVER
                + "  - rule: TD002\n    file: " + PROD + "\n    reason: \"Redis migration, PAY-150\"\n    expires: 2027-01-31\n");
        assertThat(check("--fail-on", "warning").exitCode()).as("waived warnings never count").isZero();
        assertThat(check("--fail-on", "info").exitCode()).isEqualTo(1);
    }

    @Test
    void an_unwritable_output_file_is_exit_2_with_one_line() {
        Path file = out.resolve("no-such-folder/report.sarif");
        CliRun run = check("--format", "sarif", "--output", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("policy-suite check: cannot write " + file + ": its folder does not exist\n");
        assertThat(run.out()).isEmpty();
        CliRun folder = check("--output", out.toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).startsWith("policy-suite check: cannot write " + out + ": ").endsWith("\n").hasLineCount(1);
    }

    @Test
    void text_written_to_a_file_is_the_plain_form_without_colour() throws IOException {
        assertThat(checkToFile(1)).isEqualTo(check("--no-color").out()).doesNotContain("\u001b");
    }

    @Test
    void an_unknown_fail_on_is_a_usage_error() {
        CliRun run = check("--fail-on", "fatal");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-on").contains("error, warning, info");
    }
}
