package com.amply.policysuite.change;

import java.util.List;

/**
 * Access one version of a role's policies grants and the other does not, as the offline analyzer answered it.
 *
 * @param message         the analyzer's summary
 * @param exampleAction   an action in the difference, or null
 * @param exampleResource a resource on which {@code exampleAction} is in the difference, or null
 * @param statements      the statements responsible: {@code file} and JSON pointer, with the Sid when there is one
 * @param tooComplex      the analysis ran out of budget: the difference is unknown and treated as present
 */
public record AccessDelta(String message, String exampleAction, String exampleResource, List<Statement> statements,
                          boolean tooComplex) {
    public AccessDelta {
        statements = List.copyOf(statements);
    }

    /** A statement of a policy file. */
    public record Statement(String file, String pointer, String sid) {
        public String label() {
            return file + " " + pointer + (sid != null ? " (Sid " + sid + ")" : "");
        }
    }

    /** "secretsmanager:GetSecretValue on arn:…" or the message when there is no example. */
    public String example() {
        if (exampleAction == null) {
            return message;
        }
        return exampleAction + (exampleResource != null ? " on " + exampleResource : "");
    }
}
