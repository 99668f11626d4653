package com.amply.policysuite.access;

/**
 * A statement named in an answer.
 *
 * @param index         statement index in its policy
 * @param sid           statement id, or {@code null}
 * @param effect        its effect
 * @param conditional   true when the statement has conditions (an Allow is then assumed to possibly hold)
 */
public record StatementRef(int index, String sid, Effect effect, boolean conditional) {

    static StatementRef of(AccessStatement s) {
        return new StatementRef(s.index(), s.sid(), s.effect(), s.hasConditions());
    }
}
