package com.amply.policysuite.secrets;

import java.util.Objects;

/**
 * One rule a secret payload breaks.
 *
 * <p>Every field is derived from the schema, never from the payload: {@code pointer} only contains property names the
 * schema declares (or array indexes), {@code rule} is a keyword name (optionally {@code keyword.check} for the custom
 * keywords), {@code schemaLocation} points into the schema, and {@code message} comes from the schema's
 * {@code x-message} annotation or is generated from the keyword and its schema arguments.
 *
 * @param pointer        JSON pointer into the payload ("" for the whole payload)
 * @param rule           the failed keyword, e.g. {@code pattern}, {@code required}, {@code dateRange.order}
 * @param schemaLocation where the rule lives, e.g. {@code stripe-secret-key.schema.json#/$defs/env-prod/pattern};
 *                       empty for problems found before schema evaluation (unknown secret, payload not JSON, ...)
 * @param message        human readable, names the rule, never contains the payload or any part of it
 */
public record Violation(String pointer, String rule, String schemaLocation, String message) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(schemaLocation, "schemaLocation");
        Objects.requireNonNull(message, "message");
    }

    /** A compact one-line rendering, e.g. {@code /valid_until dateRange.order: valid_from must be before valid_until}. */
    public String describe() {
        return (pointer.isEmpty() ? "(payload)" : pointer) + " " + rule + ": " + message;
    }
}
