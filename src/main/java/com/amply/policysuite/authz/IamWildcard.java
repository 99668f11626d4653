package com.amply.policysuite.authz;

import java.util.regex.Pattern;

/**
 * An IAM wildcard pattern as used in a policy's {@code Action} element: {@code *} matches any run of
 * characters (including none) and {@code ?} matches exactly one character; everything else is literal.
 * Matching ignores case, as IAM does for action names and service prefixes.
 */
final class IamWildcard {

    private final Pattern regex;

    private IamWildcard(Pattern regex) {
        this.regex = regex;
    }

    static IamWildcard compile(String pattern) {
        StringBuilder regex = new StringBuilder(pattern.length() + 16);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                appendQuoted(regex, literal);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        appendQuoted(regex, literal);
        return new IamWildcard(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    boolean matches(String text) {
        return regex.matcher(text).matches();
    }

    private static void appendQuoted(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
