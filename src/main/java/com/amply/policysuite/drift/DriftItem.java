package com.amply.policysuite.drift;

import java.util.Comparator;
import java.util.Objects;

/**
 * One difference between the repository and the live account.
 *
 * @param kind     missing, unmanaged, changed or overdue
 * @param resource {@code secret:amply/prod/database-url}, {@code task-definition:amply-prod-api} or
 *                 {@code role:amply-ci-deploy}
 * @param detail   one sentence saying what differs; never any part of a secret value
 */
public record DriftItem(DriftKind kind, String resource, String detail) {
    /** Stable output order: by resource, then kind, then detail. */
    public static final Comparator<DriftItem> ORDER = Comparator.comparing(DriftItem::resource)
            .thenComparing(DriftItem::kind)
            .thenComparing(DriftItem::detail);

    public DriftItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(detail, "detail");
    }

    public static String secret(String fullName) {
        return "secret:" + fullName;
    }

    public static String taskDefinition(String family) {
        return "task-definition:" + family;
    }

    public static String role(String name) {
        return "role:" + name;
    }
}
