package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.WaivedFinding;
import java.util.List;
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
        findingsAndWaived(root, report.findings(), report.waived());
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /** The {@code "findings"} and {@code "waived"} arrays, shared by every JSON report that carries findings. */
    static void findingsAndWaived(ObjectNode root, List<Finding> findings, List<WaivedFinding> waived) {
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            finding(list.addObject(), f);
        }
        ArrayNode waivedList = root.putArray("waived");
        for (WaivedFinding w : waived) {
            ObjectNode o = waivedList.addObject();
            finding(o, w.finding());
            o.put("reason", w.waiver().reason());
            o.put("expires", w.waiver().expires().toString());
        }
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
