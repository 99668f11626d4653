package com.amply.policysuite.model;

import java.util.function.Predicate;

/**
 * A Secrets Manager secret ARN as ECS accepts it in {@code secrets[].valueFrom}:
 * {@code arn:<partition>:secretsmanager:<region>:<account>:secret:<name>[-<6 random chars>][:<json-key>:<version-stage>:<version-id>]}.
 *
 * <p>Secrets Manager appends a hyphen and six random letters or digits to every secret's ARN. Whether a
 * trailing {@code -abcdef} is that suffix or part of the name cannot be told from the text alone, so parsing
 * takes a predicate for names the catalog knows: the suffix is stripped when what remains is a known name, or
 * when the six characters contain an upper-case letter (which a kebab-case name cannot).
 */
public record SecretArn(Arn arn, String secretName, String randomSuffix, String jsonKey, String versionStage,
                        String versionId) {

    /** The outcome of parsing: the ARN, or a sentence saying what is malformed. */
    public sealed interface Parse {
        record Ok(SecretArn arn) implements Parse {
        }

        record Malformed(String reason) implements Parse {
        }
    }

    public static Parse parse(String text, Predicate<String> knownName) {
        if (text == null || text.isEmpty()) {
            return new Parse.Malformed("is empty");
        }
        var parsed = Arn.parse(text);
        if (parsed.isEmpty()) {
            return new Parse.Malformed("is not an ARN (expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name>)");
        }
        Arn arn = parsed.get();
        if (!arn.service().equals("secretsmanager")) {
            return new Parse.Malformed("names service " + arn.service() + ", not secretsmanager");
        }
        if (!arn.resource().startsWith("secret:")) {
            return new Parse.Malformed("has resource type " + arn.resource().split(":", 2)[0] + ", not secret");
        }
        String[] rest = arn.resource().substring("secret:".length()).split(":", -1);
        if (rest.length != 1 && rest.length != 4) {
            return new Parse.Malformed("has " + (rest.length - 1) + " fields after the secret name; ECS expects none or exactly three"
                    + " (:json-key:version-stage:version-id, each may be empty)");
        }
        String name = rest[0];
        if (name.isEmpty()) {
            return new Parse.Malformed("has an empty secret name");
        }
        String suffix = null;
        if (hasSuffixShape(name)) {
            String stripped = name.substring(0, name.length() - 7);
            String candidate = name.substring(name.length() - 6);
            if (knownName.test(stripped) || !candidate.equals(candidate.toLowerCase(java.util.Locale.ROOT))) {
                suffix = candidate;
                name = stripped;
            }
        }
        String jsonKey = rest.length == 4 ? emptyToNull(rest[1]) : null;
        String stage = rest.length == 4 ? emptyToNull(rest[2]) : null;
        String version = rest.length == 4 ? emptyToNull(rest[3]) : null;
        if (stage != null && version != null) {
            return new Parse.Malformed("names both a version stage and a version id; ECS accepts one of them");
        }
        return new Parse.Ok(new SecretArn(arn, name, suffix, jsonKey, stage, version));
    }

    /** Whether {@code name} ends in {@code -} and six ASCII letters or digits ({@code -[A-Za-z0-9]{6}$}). */
    public static boolean hasSuffixShape(String name) {
        int n = name.length();
        if (n < 7 || name.charAt(n - 7) != '-') {
            return false;
        }
        for (int i = n - 6; i < n; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
