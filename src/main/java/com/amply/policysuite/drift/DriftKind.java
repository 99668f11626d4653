package com.amply.policysuite.drift;

import java.util.Locale;

/** How the live account differs from the repository for one resource. */
public enum DriftKind {
    /** The repository declares it; the account does not have it (or it is scheduled for deletion). */
    MISSING,
    /** The account has it under the app's prefix; the repository does not declare it. */
    UNMANAGED,
    /** Both have it, with a different configuration, content or access. */
    CHANGED,
    /** It exists as declared, but it has not been rotated within its rotation policy. */
    OVERDUE;

    /** The lower-case word used in every output format. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
