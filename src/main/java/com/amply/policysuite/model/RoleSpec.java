package com.amply.policysuite.model;

import java.util.List;

/**
 * One IAM role as the suite configuration declares it. ECS roles belong to one {@code environment} and
 * {@code service}; CI and drift-check roles list the environments they may read in {@code reads}.
 */
public record RoleSpec(String name, RoleKind kind, String environment, String service, List<String> reads,
                       List<String> policies, String pointer) {
    public RoleSpec {
        reads = List.copyOf(reads);
        policies = List.copyOf(policies);
    }

    /** The environments whose secrets this role may read. */
    public List<String> readableEnvironments() {
        return environment != null ? List.of(environment) : reads;
    }
}
