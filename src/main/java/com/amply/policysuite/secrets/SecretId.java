package com.amply.policysuite.secrets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Secrets Manager name of the form {@code amply/<environment>/<name>}, e.g. {@code amply/prod/database-url}.
 *
 * @param environment e.g. {@code prod}
 * @param name        e.g. {@code database-url}, the schema file name without {@code .schema.json}
 */
public record SecretId(String environment, String name) {

    private static final Pattern FORM = Pattern.compile("amply/([a-z0-9-]+)/([a-z0-9-]+)");

    /** Parses {@code amply/<env>/<name>}; empty for anything else (including null). */
    public static Optional<SecretId> parse(String secretId) {
        if (secretId == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(secretId);
        return m.matches() ? Optional.of(new SecretId(m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "amply/" + environment + "/" + name;
    }
}
