package com.amply.policysuite.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A secret name that follows the convention {@code <app>/<env>/<kebab-name>}. */
public record SecretName(String app, String environment, String name) {
    /** Lower-case words of letters and digits joined by single hyphens. */
    public static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** Splits {@code text} into its three parts when it has exactly three non-empty '/'-separated parts. */
    public static Optional<SecretName> split(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecretName(parts[0], parts[1], parts[2]));
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
