package com.amply.policysuite.model;

import java.util.regex.Pattern;

/**
 * A repository-relative file glob as waivers use it: {@code *} matches within one path segment, {@code ?} one
 * character of a segment, and a whole segment {@code **} any number of segments (zero or more). Other characters
 * match themselves; brackets, braces and backslashes are rejected so that a glob never means more than it says.
 */
public final class FileGlob {
    private final String glob;
    private final Pattern regex;

    private FileGlob(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /** Parses {@code glob}, or throws {@link IllegalArgumentException} with a message that says what is wrong. */
    public static FileGlob parse(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        if (glob.startsWith("/") || glob.startsWith("./")) {
            throw new IllegalArgumentException("must be relative to the repository root, without a leading / or ./");
        }
        for (char c : new char[] {'[', ']', '{', '}', '\\'}) {
            if (glob.indexOf(c) >= 0) {
                throw new IllegalArgumentException("uses '" + c + "'; only *, ** and ? are wildcards");
            }
        }
        String[] segments = glob.split("/", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("has an empty, . or .. path segment");
            }
            if (s.equals("**")) {
                re.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            if (s.contains("**")) {
                throw new IllegalArgumentException("uses ** inside a segment; ** must be a whole segment, as in a/**/b.json");
            }
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '*' -> re.append("[^/]*");
                    case '?' -> re.append("[^/]");
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (!last) {
                re.append('/');
            }
        }
        return new FileGlob(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String file) {
        return regex.matcher(file).matches();
    }

    /** True when the glob has no wildcard and so names exactly one file. */
    public boolean isLiteral() {
        return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
    }

    @Override
    public String toString() {
        return glob;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileGlob g && g.glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }
}
