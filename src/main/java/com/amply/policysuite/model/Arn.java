package com.amply.policysuite.model;

import java.util.Optional;

/** An Amazon Resource Name split into its six parts: {@code arn:partition:service:region:account:resource}. */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** Parses the six parts, or empty when the text is not an ARN at all. */
    public static Optional<Arn> parse(String text) {
        if (!isWellFormed(text)) {
            return Optional.empty();
        }
        int p1 = text.indexOf(':', 4);
        int p2 = text.indexOf(':', p1 + 1);
        int p3 = text.indexOf(':', p2 + 1);
        int p4 = text.indexOf(':', p3 + 1);
        return Optional.of(new Arn(text.substring(4, p1), text.substring(p1 + 1, p2), text.substring(p2 + 1, p3),
                text.substring(p3 + 1, p4), text.substring(p4 + 1)));
    }

    /**
     * Whether {@link #parse} would find the six parts: {@code arn:}, then five ':'-separated parts with a non-empty
     * partition, service and resource (the resource may hold more ':'). The same test as {@code text.split(":", 6)},
     * without a regular expression or an array: ARNs are parsed often.
     */
    public static boolean isWellFormed(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return false;
        }
        int p1 = text.indexOf(':', 4);
        int p2 = p1 < 0 ? -1 : text.indexOf(':', p1 + 1);
        int p3 = p2 < 0 ? -1 : text.indexOf(':', p2 + 1);
        int p4 = p3 < 0 ? -1 : text.indexOf(':', p3 + 1);
        return p4 >= 0 && p1 != 4 && p2 != p1 + 1 && p4 != text.length() - 1;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
