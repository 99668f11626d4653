package com.amply.policysuite.model;

/** How a secret is rotated, as the catalog declares it. */
public sealed interface Rotation {
    /** Rotated by hand when needed. */
    record Manual() implements Rotation {
    }

    /** Rotated by hand once a year; the value's validity must not exceed a year. */
    record Annual() implements Rotation {
    }

    /** Rotated by a Secrets Manager rotation function every {@code days} days. */
    record Automatic(int days) implements Rotation {
    }

    default String describe() {
        if (this instanceof Automatic a) {
            return "automatic every " + a.days() + " days";
        }
        return this instanceof Annual ? "annual" : "manual";
    }
}
