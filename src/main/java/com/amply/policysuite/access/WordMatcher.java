package com.amply.policysuite.access;

/** A precompiled deterministic matcher: {@code step} returns -1 when no word with this prefix is accepted. */
interface WordMatcher {
    int initial();

    int step(int state, char c);

    boolean accepting(int state);
}
