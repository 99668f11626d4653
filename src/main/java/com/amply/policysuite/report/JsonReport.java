package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.WaivedFinding;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code {"summary":{"errors","warnings","infos","waived","filesChecked"},"findings":[{"ruleId","severity","file",
 * "pointer","line","column","message"}],"waived":[{...the finding's fields...,"reason","expires"}]}}.
 */
public final class JsonReport implements Reporter {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String render(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.summary().errors());
        summary.put("warnings", report.summary().warnings());
        summary.put("infos", report.summary().infos());
        summary.put("waived", report.summary().waived());
        summary.put("filesChecked", report.summary().filesChecked());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            finding(findings.addObject(), f);
        }
        ArrayNode waived = root.putArray("waived");
        for (WaivedFinding w : report.waived()) {
            ObjectNode o = waived.addObject();
            finding(o, w.finding());
            o.put("reason", w.waiver().reason());
            o.put("expires", w.waiver().expires().toString());
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void finding(ObjectNode o, Finding f) {
        o.put("ruleId", f.ruleId());
        o.put("severity", f.severity().word());
        o.put("file", f.file());
        o.put("pointer", f.pointer());
        o.put("line", f.line());
        o.put("column", f.column());
        o.put("message", f.message());
    }
}
