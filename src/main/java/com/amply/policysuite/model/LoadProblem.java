package com.amply.policysuite.model;


/**
 * Why a file could not be loaded: a syntax error, a duplicate key, a bound that was exceeded or a
 * forbidden YAML tag. The message names the problem and never quotes file content.
 */
public record LoadProblem(Kind kind, String message, SourcePosition position) {
    public enum Kind { UNREADABLE, SYNTAX, DUPLICATE_KEY, TOO_LARGE, TOO_DEEP, TOO_MANY_NODES, TOO_MANY_ALIASES, FORBIDDEN_TAG, UNSUPPORTED_TYPE }
}
