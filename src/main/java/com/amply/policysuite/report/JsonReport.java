package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.CheckRun;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code {"summary":{"errors","warnings","infos","filesChecked"},"findings":[{"ruleId","severity","file","pointer",
 * "line","column","message"}]}}.
 */
public final class JsonReport {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    public static String render(CheckRun.Result result) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        summary.put("filesChecked", result.filesChecked());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode o = findings.addObject();
            o.put("ruleId", f.ruleId());
            o.put("severity", f.severity().word());
            o.put("file", f.file());
            o.put("pointer", f.pointer());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("message", f.message());
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }
}
