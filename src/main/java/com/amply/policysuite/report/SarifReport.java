package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.WaivedFinding;
import com.amply.policysuite.rules.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF readers: one run whose {@code tool.driver.rules} is the
 * rule catalog, and one result per finding located by a repository-relative URI (base {@code %SRCROOT%}) and, when
 * the line is known, a region. Waived findings are results with an external suppression carrying the reason.
 */
public final class SarifReport implements Reporter {
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
    public static final String SOURCE_ROOT = "%SRCROOT%";
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String toolVersion;
    private final String informationUri;

    /** {@code informationUri} is where a reader of an alert learns what the tool is. */
    public SarifReport(String toolVersion, String informationUri) {
        this.toolVersion = toolVersion;
        this.informationUri = informationUri;
    }

    @Override
    public String render(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "policy-suite");
        driver.put("version", toolVersion);
        if (informationUri != null && !informationUri.isBlank()) {
            driver.put("informationUri", informationUri); // optional in SARIF; set only where the project has a home page
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : report.catalog()) {
            index.put(r.id(), index.size());
            ObjectNode o = rules.addObject();
            o.put("id", r.id());
            o.putObject("shortDescription").put("text", r.title());
            o.putObject("fullDescription").put("text", r.rationale());
            o.put("helpUri", r.docUrl());
            o.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            result(results.addObject(), f, index);
        }
        for (WaivedFinding w : report.waived()) {
            ObjectNode o = results.addObject();
            result(o, w.finding(), index);
            ObjectNode suppression = o.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("justification", w.waiver().reason());
            suppression.putObject("properties").put("expires", w.waiver().expires().toString());
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void result(ObjectNode o, Finding f, Map<String, Integer> index) {
        o.put("ruleId", f.ruleId());
        Integer i = index.get(f.ruleId());
        if (i != null) {
            o.put("ruleIndex", i);
        }
        o.put("level", level(f.severity()));
        o.putObject("message").put("text", (f.pointer().isEmpty() ? "" : f.pointer() + ": ") + f.message());
        ObjectNode physical = o.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(f.file()));
        artifact.put("uriBaseId", SOURCE_ROOT);
        if (f.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            if (f.column() > 0) {
                region.put("startColumn", f.column());
            }
        }
        if (!f.pointer().isEmpty()) {
            o.putObject("properties").put("pointer", f.pointer());
        }
    }

    /** error → error, warning → warning, info → note. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative URI reference for a repository-relative path: each segment percent-encoded as RFC 3986 requires. */
    static String uri(String file) {
        StringBuilder out = new StringBuilder();
        for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
