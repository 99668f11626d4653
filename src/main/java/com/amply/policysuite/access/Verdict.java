package com.amply.policysuite.access;

/** Outcome of evaluating one concrete request. */
public enum Verdict {
    /** Some Allow (whose conditions may hold) matches and no unconditional Deny does. */
    ALLOWED,
    /** An unconditional Deny matches. */
    EXPLICIT_DENY,
    /** No Allow that could hold matches. */
    IMPLICIT_DENY
}
