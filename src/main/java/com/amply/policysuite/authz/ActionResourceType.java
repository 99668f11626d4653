package com.amply.policysuite.authz;

import java.util.List;
import java.util.Objects;

/**
 * A resource type that an action can act on, as listed for the action in the Service Authorization
 * Reference.
 *
 * @param name          the resource type's name within the action's service, e.g. {@code Secret}
 * @param required      whether the action always needs a resource of this type (marked {@code *} in the
 *                      reference); optional types apply only to some calls of the action
 * @param conditionKeys condition keys listed for the action on this resource type's row, sorted
 */
public record ActionResourceType(String name, boolean required, List<String> conditionKeys) {

    public ActionResourceType {
        Objects.requireNonNull(name, "name");
        conditionKeys = List.copyOf(conditionKeys);
    }
}
