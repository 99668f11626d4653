package com.amply.policysuite.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * IAM returns policy documents URL-encoded (RFC 3986 percent-encoding). They are decoded here by turning each
 * {@code %XX} into its byte and reading the bytes as UTF-8, and nothing else: {@code +} stays a plus sign (it is
 * literal in policies, e.g. {@code "aws:RequestTag/team": "a+b"}), unlike {@link java.net.URLDecoder}, which decodes
 * HTML form encoding. A {@code %} not followed by two hex digits is kept as it is.
 */
public final class PolicyDocumentEncoding {
    private PolicyDocumentEncoding() {
    }

    public static String decode(String encoded) {
        if (encoded == null || encoded.indexOf('%') < 0) {
            return encoded;
        }
        byte[] in = encoded.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
