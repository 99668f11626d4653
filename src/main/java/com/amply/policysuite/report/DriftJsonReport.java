package com.amply.policysuite.report;

import com.amply.policysuite.drift.DriftItem;
import com.amply.policysuite.drift.DriftKind;
import com.amply.policysuite.drift.EnvironmentDrift;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code {"environment","drift":[{"kind","resource","detail"}],"summary":{"missing","unmanaged","changed","overdue",
 * "total","checked":{"secrets","taskDefinitions","roles","payloads"}}}} for one environment; a JSON array of those
 * objects when several environments were checked. {@code payloads} is absent unless payloads were checked.
 */
public final class DriftJsonReport {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DriftJsonReport() {
    }

    /** One object when {@code single}, else an array with one object per environment. */
    public static String render(List<EnvironmentDrift> results, boolean single) {
        if (single && results.size() == 1) {
            return MAPPER.writeValueAsString(object(results.get(0))) + "\n";
        }
        ArrayNode array = MAPPER.createArrayNode();
        results.forEach(r -> array.add(object(r)));
        return MAPPER.writeValueAsString(array) + "\n";
    }

    static ObjectNode object(EnvironmentDrift r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("environment", r.environment());
        ArrayNode drift = o.putArray("drift");
        for (DriftItem i : r.items()) {
            ObjectNode item = drift.addObject();
            item.put("kind", i.kind().word());
            item.put("resource", i.resource());
            item.put("detail", i.detail());
        }
        ObjectNode summary = o.putObject("summary");
        for (DriftKind k : DriftKind.values()) {
            summary.put(k.word(), r.count(k));
        }
        summary.put("total", r.items().size());
        ObjectNode checked = summary.putObject("checked");
        checked.put("secrets", r.secrets());
        checked.put("taskDefinitions", r.taskDefinitions());
        checked.put("roles", r.roles());
        if (r.payloads() >= 0) {
            checked.put("payloads", r.payloads());
        }
        return o;
    }
}
