package com.amply.policysuite.model;

import java.util.Optional;

/** An Amazon Resource Name split into its six parts: {@code arn:partition:service:region:account:resource}. */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** Parses the six parts, or empty when the text is not an ARN at all. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        // the same split as text.split(":", 6), without a regular expression or an array: ARNs are parsed often
        int p1 = text.indexOf(':', 4);
        int p2 = p1 < 0 ? -1 : text.indexOf(':', p1 + 1);
        int p3 = p2 < 0 ? -1 : text.indexOf(':', p2 + 1);
        int p4 = p3 < 0 ? -1 : text.indexOf(':', p3 + 1);
        if (p4 < 0 || p1 == 4 || p2 == p1 + 1 || p4 == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Arn(text.substring(4, p1), text.substring(p1 + 1, p2), text.substring(p2 + 1, p3),
                text.substring(p3 + 1, p4), text.substring(p4 + 1)));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
