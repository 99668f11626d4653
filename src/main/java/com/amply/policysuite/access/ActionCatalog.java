package com.amply.policysuite.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Known action names (e.g. from AWS service authorization data), used ONLY to choose readable examples. It never
 * decides a PASS: the analysis always ranges over every possible action string, so outdated data cannot make an
 * answer unsound.
 */
public final class ActionCatalog {
    private static final ActionCatalog NONE = new ActionCatalog(List.of());

    private final List<String> actions;

    private ActionCatalog(List<String> actions) {
        this.actions = actions;
    }

    public static ActionCatalog none() {
        return NONE;
    }

    /** Names like {@code secretsmanager:GetSecretValue}; shorter names are preferred as examples. */
    public static ActionCatalog of(Collection<String> actions) {
        if (actions == null || actions.isEmpty()) {
            return NONE;
        }
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(actions));
        sorted.removeIf(a -> a == null || a.isEmpty() || a.indexOf(GlobPattern.SEP) >= 0);
        sorted.sort(Comparator.comparingInt(String::length)
                .thenComparing(a -> a.toLowerCase(Locale.ROOT)));
        return new ActionCatalog(List.copyOf(sorted));
    }

    List<String> actions() {
        return actions;
    }

    public int size() {
        return actions.size();
    }
}
