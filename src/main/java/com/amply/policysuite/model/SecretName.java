package com.amply.policysuite.model;

import java.util.Optional;

/** A secret name that follows the convention {@code <app>/<env>/<kebab-name>}. */
public record SecretName(String app, String environment, String name) {
    /**
     * True for lower-case words of letters and digits joined by single hyphens ({@code [a-z0-9]+(?:-[a-z0-9]+)*}),
     * tested by hand: rules test every name of every task definition and policy.
     */
    public static boolean isKebab(String text) {
        return isWords(text, 'a', 'z', '-');
    }

    /** True for {@code [A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*}: upper-case words joined by single underscores. */
    public static boolean isUpperSnake(String text) {
        return isWords(text, 'A', 'Z', '_') && text.charAt(0) >= 'A' && text.charAt(0) <= 'Z';
    }

    /** Non-empty words of letters from..to and digits, joined by single {@code separator}s. */
    private static boolean isWords(String text, char from, char to, char separator) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == separator || text.charAt(n - 1) == separator) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == separator) {
                if (text.charAt(i - 1) == separator) {
                    return false;
                }
            } else if (!(c >= from && c <= to || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Splits {@code text} into its three parts when it has exactly three non-empty '/'-separated parts. */
    public static Optional<SecretName> split(String text) {
        // the same test as text.split("/", -1) giving three non-empty parts, without the regular expression
        int first = text.indexOf('/');
        int second = first < 0 ? -1 : text.indexOf('/', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || second == text.length() - 1 || text.indexOf('/', second + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new SecretName(text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1)));
    }

    /** {@code DATABASE_URL} for {@code database-url}: the environment variable name a container should use. */
    public static String variableName(String kebab) {
        return kebab.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    public String fullName() {
        return app + "/" + environment + "/" + name;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
