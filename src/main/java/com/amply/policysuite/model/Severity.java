package com.amply.policysuite.model;

import java.util.Locale;

/** How much a finding matters. Only {@link #ERROR} fails {@code check} by default. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used in every output format ("error", "warning", "info"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named by {@code word} ("error", "warning", "info"), or null. */
    public static Severity of(String word) {
        for (Severity s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }

    /** True when this severity is {@code threshold} or more severe ({@code --fail-on}). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
