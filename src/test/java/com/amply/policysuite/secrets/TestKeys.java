package com.amply.policysuite.secrets;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys generated at test time, so no private key is ever committed. Example payloads refer to them through the
 * placeholder token {@code {{TEST_RSA_KEY:<bits>:<PKCS1|PKCS8>}}}, replaced by the JSON-escaped PEM text.
 */
final class TestKeys {

    static final Pattern TOKEN = Pattern.compile("\\{\\{TEST_RSA_KEY:(\\d+):(PKCS1|PKCS8)}}");

    private static final Map<Integer, KeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    static String pem(int bits, PemKeys.Encoding encoding) {
        byte[] pkcs8 = PAIRS.computeIfAbsent(bits, TestKeys::generate).getPrivate().getEncoded();
        return PemKeys.pem(encoding, encoding == PemKeys.Encoding.PKCS1 ? PemKeys.unwrapPkcs8(pkcs8) : pkcs8);
    }

    /** Replaces every placeholder token with a PEM key, escaped for use inside a JSON string literal. */
    static String substitute(String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String pem = pem(Integer.parseInt(m.group(1)), PemKeys.Encoding.valueOf(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(pem.replace("\n", "\\n")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
