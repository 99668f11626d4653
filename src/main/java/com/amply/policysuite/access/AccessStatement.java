package com.amply.policysuite.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement of an identity-based policy, as the analysis sees it.
 *
 * @param index       position of the statement in the policy document (0-based); reported back in reasons
 * @param sid         the statement's {@code Sid}, or {@code null}
 * @param effect      Allow or Deny
 * @param actions     the {@code Action} (or {@code NotAction}) patterns
 * @param notAction   true when {@code actions} came from {@code NotAction}
 * @param resources   the {@code Resource} (or {@code NotResource}) patterns
 * @param notResource true when {@code resources} came from {@code NotResource}
 * @param conditions  condition block: operator -&gt; condition key -&gt; values; empty when the statement has none
 */
public record AccessStatement(
        int index,
        String sid,
        Effect effect,
        List<String> actions,
        boolean notAction,
        List<String> resources,
        boolean notResource,
        Map<String, Map<String, List<String>>> conditions) {

    public AccessStatement {
        actions = copy(actions);
        resources = copy(resources);
        conditions = copyConditions(conditions);
    }

    /** Unconditional statement with {@code Action} and {@code Resource}. */
    public static AccessStatement of(int index, Effect effect, List<String> actions, List<String> resources) {
        return new AccessStatement(index, null, effect, actions, false, resources, false, Map.of());
    }

    public boolean hasConditions() {
        return !conditions.isEmpty();
    }

    // Null elements are kept (not dropped): dropping an Allow pattern would silently shrink the analysed
    // access; compilation reports them as unsupported input instead.
    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    private static Map<String, Map<String, List<String>>> copyConditions(Map<String, Map<String, List<String>>> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        conditions.forEach((operator, byKey) -> {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            if (byKey != null) {
                byKey.forEach((key, values) -> keys.put(key, copy(values)));
            }
            out.put(operator, Collections.unmodifiableMap(keys));
        });
        return Collections.unmodifiableMap(out);
    }
}
