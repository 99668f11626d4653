package com.amply.policysuite.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.model.FileGlob;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.WaivedFinding;
import com.amply.policysuite.model.Waiver;
import com.amply.policysuite.rules.RuleRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every output format renders the same small report (an error, a warning in an awkwardly named file, a waived
 * error) exactly as its golden file under {@code src/test/resources/golden/} says. Run with
 * {@code -Dfixtures.update=true} to rewrite the golden files after a deliberate change, and review the diff.
 */
class ReportFormatsTest {
    private static final boolean UPDATE = Boolean.getBoolean("fixtures.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Report sample() {
        Finding error = new Finding("TD007", Severity.ERROR, "task-definitions/prod/api.json",
                "/containerDefinitions/0/environment/4", 43, 9, "environment variable STRIPE_SECRET_KEY holds what looks"
                + " like a Stripe key in plaintext; move it to secrets.");
        Finding warning = new Finding("IAM001", Severity.WARNING, "policies/odd,name:1.json", "", 0, 0,
                "no role lists this policy file; 100% <unreviewed> & \"unused\": add it to a role.");
        Finding waivedError = new Finding("TD007", Severity.ERROR, "task-definitions/sandbox/api.json",
                "/containerDefinitions/0/environment/3", 30, 9, "environment variable API_TOKEN has a secret's name and"
                + " its value is plaintext; store it in Secrets Manager.");
        Waiver waiver = new Waiver("TD007", FileGlob.parse("task-definitions/sandbox/*.json"),
                "/containerDefinitions/0/environment/3", "Sandbox uses a public test token until ticket PAY-142 lands",
                LocalDate.of(2027, 3, 1), "/waivers/0");
        return Report.of(List.of(warning, error), List.of(new WaivedFinding(waivedError, waiver)),
                List.of("policies/odd,name:1.json", "suite.yaml", "task-definitions/prod/api.json",
                        "task-definitions/sandbox/api.json"),
                List.of(RuleRegistry.byId("IAM001").orElseThrow().info(), RuleRegistry.byId("TD007").orElseThrow().info()));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as(file + " exists (create it with -Dfixtures.update=true)").isTrue();
        assertThat(actual).as("output of " + name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void text_off_a_terminal_is_one_line_per_finding_then_the_waived_ones_then_the_summary() throws IOException {
        assertGolden("report.txt", TextReport.lines().render(sample()));
    }

    @Test
    void text_on_a_terminal_is_grouped_by_file() throws IOException {
        assertGolden("report-grouped.txt", TextReport.grouped(false).render(sample()));
    }

    @Test
    void colour_marks_severities_and_can_be_switched_off() {
        String coloured = TextReport.grouped(true).render(sample());
        assertThat(coloured).contains("\u001b[1mtask-definitions/prod/api.json\u001b[0m\n")
                .contains("\u001b[31merror  \u001b[0m")
                .contains("\u001b[33mwarning\u001b[0m")
                .contains("\u001b[2mwaived \u001b[0m")
                .endsWith("\u001b[31m\u001b[1m1 error, 1 warning, 0 infos, 1 waived; 4 files checked.\u001b[0m\n");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(TextReport.grouped(false).render(sample()));
        assertThat(TextReport.grouped(false).render(sample())).doesNotContain("\u001b");
        assertThat(TextReport.lines().render(sample())).doesNotContain("\u001b");
    }

    @Test
    void json_keeps_its_shape_and_adds_the_waived_findings() throws IOException {
        assertGolden("report.json", new JsonReport().render(sample()));
    }

    @Test
    void sarif_lists_the_catalog_and_suppresses_waived_results() throws IOException {
        String sarif = new SarifReport("1.2.3", "https://example.invalid/policy-suite").render(sample());
        assertGolden("report.sarif", sarif);
        assertThat(SarifSchema.violations(sarif)).isEmpty();
    }

    @Test
    void the_schema_test_catches_invalid_sarif() {
        String sarif = new SarifReport("1.2.3", "https://example.invalid/policy-suite").render(sample());
        assertThat(SarifSchema.violations(sarif.replace("\"level\" : \"warning\"", "\"level\" : \"fatal\""))).isNotEmpty();
        assertThat(SarifSchema.violations(sarif.replace("\"version\" : \"2.1.0\"", "\"version\" : \"2.0\""))).isNotEmpty();
        assertThat(SarifSchema.violations(sarif.replace("\"startLine\" : 43", "\"startLine\" : 0"))).isNotEmpty();
    }

    @Test
    void junit_has_a_case_per_rule_and_file_and_fails_the_ones_with_errors() throws Exception {
        String xml = new JUnitReport().render(sample());
        assertGolden("report.junit.xml", xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(8);
        Element failed = (Element) doc.getElementsByTagName("failure").item(0).getParentNode();
        assertThat(failed.getAttribute("classname")).isEqualTo("TD007");
        assertThat(failed.getAttribute("name")).isEqualTo("task-definitions/prod/api.json");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("IAM001 warning policies/odd,name:1.json: no role lists this policy file; 100% <unreviewed> &"
                        + " \"unused\": add it to a role.\n");
    }

    @Test
    void github_writes_one_workflow_command_per_finding() throws IOException {
        assertGolden("report.github.txt", new GitHubReport().render(sample()));
    }

    @Test
    void github_escapes_data_and_properties_by_the_workflow_command_rules() {
        assertThat(GitHubReport.data("100%\r\nnext: a, b")).isEqualTo("100%25%0D%0Anext: a, b");
        assertThat(GitHubReport.property("a,b:c%\n")).isEqualTo("a%2Cb%3Ac%25%0A");
    }

    @Test
    void sarif_uris_are_relative_and_percent_encoded() {
        assertThat(SarifReport.uri("task-definitions/prod/api.json")).isEqualTo("task-definitions/prod/api.json");
        assertThat(SarifReport.uri("policies/odd name:ä#1.json")).isEqualTo("policies/odd%20name%3A%C3%A4%231.json");
    }

    @Test
    void junit_replaces_characters_xml_cannot_carry() {
        assertThat(JUnitReport.clean("a\u0000b\u001bc\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
    }

    @Test
    void an_empty_report_says_no_findings() {
        Report empty = Report.of(List.of(), List.of(), List.of("suite.yaml"), List.of());
        assertThat(TextReport.lines().render(empty)).isEqualTo("No findings; 1 file checked.\n");
        assertThat(new GitHubReport().render(empty)).isEqualTo("No findings; 1 file checked.\n");
    }
}
