package com.amply.policysuite.model;

import java.util.Locale;

/** How much a finding matters. Only {@link #ERROR} fails {@code check} by default. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used in every output format ("error", "warning", "info"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
