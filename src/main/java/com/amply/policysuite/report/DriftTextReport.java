package com.amply.policysuite.report;

import com.amply.policysuite.drift.DriftItem;
import com.amply.policysuite.drift.DriftKind;
import com.amply.policysuite.drift.EnvironmentDrift;
import java.util.List;

/**
 * One line per drift item, {@code <env> <kind> <resource>: <detail>}, then one summary line per environment.
 */
public final class DriftTextReport {
    private DriftTextReport() {
    }

    public static String render(List<EnvironmentDrift> results) {
        StringBuilder out = new StringBuilder();
        for (EnvironmentDrift r : results) {
            for (DriftItem i : r.items()) {
                out.append(r.environment()).append(' ').append(i.kind().word()).append(' ').append(i.resource())
                        .append(": ").append(i.detail()).append('\n');
            }
            out.append(summary(r)).append('\n');
        }
        return out.toString();
    }

    static String summary(EnvironmentDrift r) {
        String checked = "checked " + plural(r.secrets(), "secret") + ", " + plural(r.taskDefinitions(), "task definition family", "task definition families")
                + ", " + plural(r.roles(), "role") + (r.payloads() >= 0 ? ", " + plural(r.payloads(), "payload") : "");
        if (r.items().isEmpty()) {
            return r.environment() + ": no drift; " + checked + ".";
        }
        StringBuilder b = new StringBuilder(r.environment()).append(": ")
                .append(plural(r.items().size(), "drift item")).append(" (");
        DriftKind[] kinds = DriftKind.values();
        for (int k = 0; k < kinds.length; k++) {
            b.append(k > 0 ? ", " : "").append(r.count(kinds[k])).append(' ').append(kinds[k].word());
        }
        return b.append("); ").append(checked).append('.').toString();
    }

    private static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
