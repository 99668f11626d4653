package com.amply.policysuite.model;

import java.util.Comparator;

/**
 * One problem found by a rule. {@code file} is relative to the repository root with '/' separators,
 * {@code pointer} is a JSON pointer into the document ("" for the whole document). The message never
 * carries a secret value.
 */
public record Finding(String ruleId, Severity severity, String file, String pointer, int line, int column,
                      String message) {

    /** Stable output order: by file, then position, then rule id and message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::pointer)
            .thenComparing(Finding::message);

    public Finding {
        if (ruleId == null || severity == null || file == null || pointer == null || message == null) {
            throw new IllegalArgumentException("a finding needs a rule id, severity, file, pointer and message");
        }
        message = visible(message);
    }

    /**
     * {@code text} with control characters and line separators written as escapes ({@code \n}, {@code \t}, and
     * {@code \\uXXXX} for the others, such as next-line and the Unicode line separators): a value quoted from a file (a
     * secret name ending in a line break, a key with one) must not split a finding over two lines. Messages are stored this way; reports write files and pointers
     * this way (the finding keeps those exact, for waivers and JSON).
     */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
        }
        return out == null ? text : out.toString();
    }

    /** The one-line form of STYLE.md: {@code TD002 error file:line:col /pointer: message}. */
    public String toLine() {
        StringBuilder b = new StringBuilder(ruleId).append(' ').append(severity.word()).append(' ').append(visible(file));
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        if (!pointer.isEmpty()) {
            b.append(' ').append(visible(pointer));
        }
        return b.append(": ").append(message).toString();
    }
}
