package com.amply.policysuite.model;

import java.util.Optional;

/** An Amazon Resource Name split into its six parts: {@code arn:partition:service:region:account:resource}. */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** Parses the six parts, or empty when the text is not an ARN at all. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
