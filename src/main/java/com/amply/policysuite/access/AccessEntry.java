package com.amply.policysuite.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One access to check, as in AWS {@code CheckAccessNotGranted}: actions only (any resource), resources only
 * (any action) or both. Patterns may contain {@code *} and {@code ?}.
 */
public record AccessEntry(List<String> actions, List<String> resources) {

    public AccessEntry {
        actions = actions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(actions));
        resources = resources == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(resources));
    }

    public static AccessEntry actions(String... actions) {
        return new AccessEntry(List.of(actions), List.of());
    }

    public static AccessEntry resources(String... resources) {
        return new AccessEntry(List.of(), List.of(resources));
    }
}
