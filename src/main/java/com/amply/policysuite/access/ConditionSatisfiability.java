package com.amply.policysuite.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, soundly, whether a condition block can never hold. It only reports contradictions it can prove; in any
 * doubt the conditions "may hold" (which is the sound direction for Allow statements).
 *
 * <p>Proven contradictions:
 * <ul>
 *   <li>a plain (non-negated, non-{@code IfExists}, single-valued) operator with an empty value list;</li>
 *   <li>{@code StringEquals} (resp. {@code StringEqualsIgnoreCase}) on a key whose every allowed value is also
 *       listed under {@code StringNotEquals} (resp. {@code StringNotEqualsIgnoreCase}) for the same key;</li>
 *   <li>{@code Null: {key: "true"}} (key absent) together with a plain positive value check of the same key.</li>
 * </ul>
 */
final class ConditionSatisfiability {
    private ConditionSatisfiability() {
    }

    /** A human-readable reason why the conditions can never hold, or empty when they may hold. */
    static Optional<String> contradiction(Map<String, Map<String, List<String>>> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            return Optional.empty();
        }
        // key (lower-case) -> operator (lower-case, plain) -> values
        Map<String, Map<String, List<String>>> byKey = new HashMap<>();
        for (Map.Entry<String, Map<String, List<String>>> op : conditions.entrySet()) {
            String operator = op.getKey() == null ? "" : op.getKey().toLowerCase(Locale.ROOT);
            if (op.getValue() == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> kv : op.getValue().entrySet()) {
                String key = kv.getKey() == null ? "" : kv.getKey().toLowerCase(Locale.ROOT);
                List<String> values = kv.getValue() == null ? List.of() : kv.getValue();
                if (values.isEmpty() && isPlain(operator) && !isNegated(operator)) {
                    return Optional.of("condition " + op.getKey() + " on " + kv.getKey() + " has no values");
                }
                byKey.computeIfAbsent(key, k -> new HashMap<>()).put(operator, values);
            }
        }
        for (Map.Entry<String, Map<String, List<String>>> entry : byKey.entrySet()) {
            Map<String, List<String>> ops = entry.getValue();
            Optional<String> found = equalsVersusNotEquals(entry.getKey(), ops, "stringequals", "stringnotequals", false);
            if (found.isEmpty()) {
                found = equalsVersusNotEquals(entry.getKey(), ops, "stringequalsignorecase",
                        "stringnotequalsignorecase", true);
            }
            if (found.isEmpty()) {
                found = nullVersusValue(entry.getKey(), ops);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> equalsVersusNotEquals(String key, Map<String, List<String>> ops, String eq,
            String notEq, boolean ignoreCase) {
        List<String> allowed = ops.get(eq);
        List<String> excluded = ops.get(notEq);
        if (allowed == null || excluded == null || allowed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> out = new HashSet<>();
        for (String v : excluded) {
            if (v != null) {
                out.add(ignoreCase ? v.toLowerCase(Locale.ROOT) : v);
            }
        }
        for (String v : allowed) {
            if (v == null || !out.contains(ignoreCase ? v.toLowerCase(Locale.ROOT) : v)) {
                return Optional.empty();
            }
        }
        return Optional.of("condition key " + key + " must equal one of " + allowed + " and differ from all of "
                + excluded);
    }

    private static Optional<String> nullVersusValue(String key, Map<String, List<String>> ops) {
        List<String> isNull = ops.get("null");
        if (isNull == null || isNull.size() != 1 || !"true".equalsIgnoreCase(isNull.get(0))) {
            return Optional.empty();
        }
        for (String operator : ops.keySet()) {
            if (!operator.equals("null") && isPlain(operator) && !isNegated(operator)) {
                return Optional.of("condition key " + key + " must be absent (Null: true) but " + operator
                        + " requires a value");
            }
        }
        return Optional.empty();
    }

    /** Single-valued operator without IfExists: fails when the key is absent. */
    private static boolean isPlain(String operator) {
        return !operator.endsWith("ifexists") && !operator.startsWith("forallvalues:")
                && !operator.startsWith("foranyvalue:") && !operator.equals("null");
    }

    private static boolean isNegated(String operator) {
        return operator.contains("not");
    }
}
