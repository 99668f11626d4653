package com.amply.policysuite.authz;

import java.util.List;
import java.util.Objects;

/**
 * A resource type of a service as defined in the Service Authorization Reference, e.g. {@code Secret} of
 * {@code secretsmanager} with ARN format {@code arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}}.
 * Instances are immutable.
 */
public final class ResourceTypeInfo {

    private final String servicePrefix;
    private final String name;
    private final List<ArnFormat> arnFormats;
    private final List<String> conditionKeys;

    ResourceTypeInfo(String servicePrefix, String name, List<String> arnFormats, List<String> conditionKeys) {
        this.servicePrefix = Objects.requireNonNull(servicePrefix, "servicePrefix");
        this.name = Objects.requireNonNull(name, "name");
        this.arnFormats = arnFormats.stream().map(ArnFormat::parse).toList();
        this.conditionKeys = List.copyOf(conditionKeys);
    }

    /** The service prefix in lower case. */
    public String servicePrefix() {
        return servicePrefix;
    }

    /** The resource type's name as the reference spells it, e.g. {@code Secret} or {@code role}. */
    public String name() {
        return name;
    }

    /** The ARN formats of this resource type as written in the reference (currently always one), sorted. */
    public List<String> arnFormats() {
        return arnFormats.stream().map(ArnFormat::format).toList();
    }

    /** Condition keys that the reference lists for this resource type, sorted. */
    public List<String> conditionKeys() {
        return conditionKeys;
    }

    /**
     * Whether an ARN from a policy's {@code Resource} element, concrete or with {@code *}/{@code ?}
     * wildcards, could name a resource of this type. See {@link ArnFormat} for how placeholders and
     * wildcards are read; in short, {@code *} matches any characters including {@code :} and {@code /},
     * so the answer errs on the side of "could match".
     */
    public boolean couldMatchArn(String policyArn) {
        for (ArnFormat format : arnFormats) {
            if (format.couldMatch(policyArn)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceTypeInfo that
                && servicePrefix.equals(that.servicePrefix)
                && name.equals(that.name)
                && arnFormats.equals(that.arnFormats)
                && conditionKeys.equals(that.conditionKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(servicePrefix, name, arnFormats, conditionKeys);
    }

    @Override
    public String toString() {
        return servicePrefix + ":" + name;
    }
}
