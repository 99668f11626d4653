package com.amply.policysuite.model;

/** A 1-based line and column in a source file. {@link #UNKNOWN} is used when nothing better is known. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition START = new SourcePosition(1, 1);
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
