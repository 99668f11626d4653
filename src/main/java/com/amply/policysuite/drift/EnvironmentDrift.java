package com.amply.policysuite.drift;

import java.util.List;

/**
 * The complete drift result of one environment: every item, and how much was compared (so a report can never be
 * mistaken for a partial one).
 *
 * @param secrets         catalog secrets of the environment compared
 * @param taskDefinitions repository task definition families compared
 * @param roles           roles compared
 * @param payloads        payloads validated ({@code --check-payloads}), or -1 when payloads were not checked
 */
public record EnvironmentDrift(String environment, List<DriftItem> items, int secrets, int taskDefinitions, int roles,
                               int payloads) {
    public EnvironmentDrift {
        items = List.copyOf(items);
    }

    public long count(DriftKind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    public static EnvironmentDrift of(DriftScope scope, LiveEnvironment live, List<DriftItem> items) {
        return new EnvironmentDrift(scope.environment(), items, scope.catalogSecrets().size(),
                scope.taskDefinitions().size(), scope.roles().size(), live.payloads() == null ? -1 : live.payloads().size());
    }
}
