package com.amply.policysuite.secrets;

import java.util.Objects;

/**
 * A place in a file that holds real-looking secret material.
 *
 * @param kind    what was found
 * @param line    1-based line of the first character of the match
 * @param column  1-based column (UTF-16 code units) of the first character of the match
 * @param message names the kind and the location, never the value or any part of it
 */
public record LeakFinding(LeakKind kind, int line, int column, String message) {

    public LeakFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
