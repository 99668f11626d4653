package com.amply.policysuite.secrets;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses PEM RSA private keys with nothing but the JDK. PKCS#8 ({@code BEGIN PRIVATE KEY}) goes straight to
 * {@link KeyFactory}; PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) is first wrapped in a PKCS#8 PrivateKeyInfo, because the
 * JDK has no PKCS#1 key spec. Results never carry key material or exception messages.
 */
final class PemKeys {

    enum Encoding {
        PKCS1("RSA PRIVATE KEY"), PKCS8("PRIVATE KEY");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        String label() {
            return "BEGIN " + label;
        }

        String pemLabel() {
            return label;
        }
    }

    enum Problem { NONE, ARMOR, BASE64, PARSE }

    record Inspection(Problem problem, Encoding encoding, int bits) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "\\A\\s*-----BEGIN (RSA PRIVATE KEY|PRIVATE KEY)-----([^-]*)-----END \\1-----\\s*\\z");

    /** DER AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemKeys() {
    }

    static Inspection inspectRsa(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.matches()) {
            return new Inspection(Problem.ARMOR, null, 0);
        }
        Encoding encoding = m.group(1).equals(Encoding.PKCS1.pemLabel()) ? Encoding.PKCS1 : Encoding.PKCS8;
        byte[] der;
        try {
            der = Base64.getDecoder().decode(m.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return new Inspection(Problem.BASE64, encoding, 0);
        }
        if (der.length == 0) {
            return new Inspection(Problem.BASE64, encoding, 0);
        }
        try {
            byte[] pkcs8 = encoding == Encoding.PKCS1 ? wrapPkcs1(der) : der;
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(key instanceof RSAPrivateKey rsa)) {
                return new Inspection(Problem.PARSE, encoding, 0);
            }
            return new Inspection(Problem.NONE, encoding, rsa.getModulus().bitLength());
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Inspection(Problem.PARSE, encoding, 0);
        }
    }

    /** PKCS#8 PrivateKeyInfo ::= SEQUENCE { version INTEGER 0, algorithm AlgorithmIdentifier, privateKey OCTET STRING }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        return tlv(0x30, concat(version, RSA_ALGORITHM, octets));
    }

    /** Inverse of {@link #wrapPkcs1}: the RSAPrivateKey inside a PKCS#8 RSA PrivateKeyInfo (used by tests). */
    static byte[] unwrapPkcs8(byte[] pkcs8) {
        int[] outer = header(pkcs8, 0);
        int pos = outer[0];
        for (int skip = 0; skip < 2; skip++) { // version, algorithm
            int[] h = header(pkcs8, pos);
            pos = h[0] + h[1];
        }
        int[] octets = header(pkcs8, pos);
        return Arrays.copyOfRange(pkcs8, octets[0], octets[0] + octets[1]);
    }

    /** Renders DER as a PEM block with 64-character lines. */
    static String pem(Encoding encoding, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + encoding.pemLabel() + "-----\n" + body + "\n-----END " + encoding.pemLabel() + "-----\n";
    }

    /** Returns {contentStart, contentLength} of the TLV at {@code pos}. */
    private static int[] header(byte[] der, int pos) {
        int lengthByte = der[pos + 1] & 0xff;
        if (lengthByte < 0x80) {
            return new int[] {pos + 2, lengthByte};
        }
        int count = lengthByte & 0x7f;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[pos + 2 + i] & 0xff);
        }
        return new int[] {pos + 2 + count, length};
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
