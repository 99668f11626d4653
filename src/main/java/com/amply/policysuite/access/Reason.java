package com.amply.policysuite.access;

/**
 * Why a check failed, like AWS's {@code ReasonSummary}.
 *
 * @param description     human-readable explanation
 * @param statementIndex  index of the statement concerned, or -1 when the reason is not about one statement
 * @param statementId     the statement's Sid, or {@code null}
 */
public record Reason(String description, int statementIndex, String statementId) {

    public static final int NO_STATEMENT = -1;

    static Reason general(String description) {
        return new Reason(description, NO_STATEMENT, null);
    }
}
