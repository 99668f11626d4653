package com.amply.policysuite.authz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IAM action of a service, e.g. {@code secretsmanager:GetSecretValue}.
 *
 * <p>For a service bundled with full detail ({@link #hasFullDetail()}), the access level, resource types
 * and condition keys are those of the Service Authorization Reference. For every other service only the
 * name is known: {@link #accessLevel()} is empty and both lists are empty, which then means "not known",
 * not "none". Instances are immutable.
 */
public final class ActionInfo {

    private final String servicePrefix;
    private final String name;
    private final boolean fullDetail;
    private final String accessLevel;
    private final List<ActionResourceType> resourceTypes;
    private final List<String> conditionKeys;
    /** {@link #fullName()}, made once when first asked for (a benign race, like {@link String#hashCode()}). */
    private String fullName;

    private ActionInfo(String servicePrefix, String name, boolean fullDetail, String accessLevel,
                       List<ActionResourceType> resourceTypes, List<String> conditionKeys) {
        this.servicePrefix = Objects.requireNonNull(servicePrefix, "servicePrefix");
        this.name = Objects.requireNonNull(name, "name");
        this.fullDetail = fullDetail;
        this.accessLevel = accessLevel;
        this.resourceTypes = List.copyOf(resourceTypes);
        this.conditionKeys = List.copyOf(conditionKeys);
    }

    static ActionInfo withFullDetail(String servicePrefix, String name, String accessLevel,
                                     List<ActionResourceType> resourceTypes, List<String> conditionKeys) {
        return new ActionInfo(servicePrefix, name, true, Objects.requireNonNull(accessLevel, "accessLevel"),
                resourceTypes, conditionKeys);
    }

    static ActionInfo nameOnly(String servicePrefix, String name) {
        return new ActionInfo(servicePrefix, name, false, null, List.of(), List.of());
    }

    /** The service prefix in lower case, e.g. {@code secretsmanager}. */
    public String servicePrefix() {
        return servicePrefix;
    }

    /** The action name as AWS spells it, e.g. {@code GetSecretValue}. */
    public String name() {
        return name;
    }

    /** {@code prefix:Name}, e.g. {@code secretsmanager:GetSecretValue}. */
    public String fullName() {
        String full = fullName;
        if (full == null) {
            full = servicePrefix + ":" + name;
            fullName = full;
        }
        return full;
    }

    /** Whether access level, resource types and condition keys are known for this action. */
    public boolean hasFullDetail() {
        return fullDetail;
    }

    /**
     * The access level as the reference writes it: {@code Read}, {@code Write}, {@code List},
     * {@code Tagging}, {@code Permissions management}, or a comma-separated combination such as
     * {@code Permissions management, Write}. Empty when the service has names only.
     */
    public Optional<String> accessLevel() {
        return Optional.ofNullable(accessLevel);
    }

    /** The resource types the action supports, sorted by name; see the class comment for name-only actions. */
    public List<ActionResourceType> resourceTypes() {
        return resourceTypes;
    }

    /** Condition keys listed for the action itself (not those of its resource types), sorted. */
    public List<String> conditionKeys() {
        return conditionKeys;
    }

    /** True when the action is known in full and supports no resource type, so only {@code "Resource": "*"} fits it. */
    public boolean supportsOnlyWildcardResource() {
        return fullDetail && resourceTypes.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionInfo that
                && fullDetail == that.fullDetail
                && servicePrefix.equals(that.servicePrefix)
                && name.equals(that.name)
                && Objects.equals(accessLevel, that.accessLevel)
                && resourceTypes.equals(that.resourceTypes)
                && conditionKeys.equals(that.conditionKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(servicePrefix, name, fullDetail, accessLevel, resourceTypes, conditionKeys);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
