package com.amply.policysuite.secrets;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@code keyEntropy}: a string must be an encoded random key of at least {@code minBytes} bytes.
 *
 * <pre>{@code "keyEntropy": {"encodings": ["base64", "hex"], "minBytes": 32, "minBitsPerChar": 3.0}}</pre>
 *
 * Checks {@code length} (at least as many characters as the shortest allowed encoding of minBytes needs; when this
 * fails nothing else is reported), {@code encoding} (decodes with one of the encodings to at least minBytes bytes) and
 * {@code entropy} (Shannon entropy of the characters at least minBitsPerChar, default 3.0, and the value is not a
 * repetition of a shorter block, e.g. {@code "a" * 64} or {@code "0123456789abcdef" * 4}).
 */
final class KeyEntropyKeyword extends AbstractKeyword {

    static final String NAME = "keyEntropy";

    KeyEntropyKeyword() {
        super(NAME);
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation schemaLocation, JsonNode schemaNode, Schema parentSchema,
            SchemaContext schemaContext) {
        return new Validator(this, schemaNode, schemaLocation);
    }

    private static final class Validator extends SecretKeywordValidator {
        private final List<KeyEncoding> encodings = new ArrayList<>();
        private final int minBytes;
        private final double minBitsPerChar;
        private final int minChars;

        Validator(KeyEntropyKeyword keyword, JsonNode arguments, SchemaLocation location) {
            super(keyword, arguments, location);
            requireObject(arguments, NAME);
            JsonNode list = arguments.get("encodings");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": encodings must be a non-empty array");
            }
            for (JsonNode item : list) {
                encodings.add(KeyEncoding.named(item.asString()));
            }
            JsonNode bytes = arguments.get("minBytes");
            if (bytes == null || !bytes.canConvertToInt() || bytes.intValue() < 1) {
                throw new IllegalArgumentException(NAME + ": minBytes must be a positive integer");
            }
            this.minBytes = bytes.intValue();
            JsonNode bits = arguments.get("minBitsPerChar");
            this.minBitsPerChar = bits == null ? 3.0 : bits.asDouble();
            this.minChars = encodings.stream().mapToInt(e -> e.minChars(minBytes)).min().orElseThrow();
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode rootNode, NodePath instanceLocation) {
            if (node == null || !node.isString()) {
                return;
            }
            String value = node.stringValue();
            String names = encodings.stream().map(KeyEncoding::label).collect(Collectors.joining(" or "));
            if (value.length() < minChars) {
                report(context, instanceLocation, "length",
                        "must be at least " + minChars + " characters (" + minBytes + " random bytes as " + names + ")");
                return;
            }
            boolean decodes = encodings.stream()
                    .map(e -> e.decodedLength(value))
                    .anyMatch(n -> n.isPresent() && n.getAsInt() >= minBytes);
            if (!decodes) {
                report(context, instanceLocation, "encoding",
                        "must decode as " + names + " to at least " + minBytes + " bytes");
            }
            if (Entropy.shannonBitsPerChar(value) < minBitsPerChar || Entropy.isRepetitive(value)) {
                report(context, instanceLocation, "entropy",
                        "looks low-entropy (repeated characters or a repeating pattern); generate it randomly");
            }
        }
    }

    /** The encodings a key may use; names are the keyword's argument values. */
    enum KeyEncoding {
        HEX("hex", "hex"), BASE64("base64", "base64"), BASE64URL("base64url", "base64url");

        private final String argument;
        private final String label;

        KeyEncoding(String argument, String label) {
            this.argument = argument;
            this.label = label;
        }

        static KeyEncoding named(String argument) {
            for (KeyEncoding e : values()) {
                if (e.argument.equals(argument)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(NAME + ": unknown encoding (use hex, base64 or base64url)");
        }

        String label() {
            return label;
        }

        int minChars(int bytes) {
            return this == HEX ? 2 * bytes : (bytes * 4 + 2) / 3; // unpadded base64 length
        }

        OptionalInt decodedLength(String value) {
            try {
                return switch (this) {
                    case HEX -> value.length() % 2 == 0 && value.chars().allMatch(Entropy::isHexDigit)
                            ? OptionalInt.of(value.length() / 2) : OptionalInt.empty();
                    case BASE64 -> OptionalInt.of(java.util.Base64.getDecoder().decode(value).length);
                    case BASE64URL -> OptionalInt.of(java.util.Base64.getUrlDecoder().decode(value).length);
                };
            } catch (IllegalArgumentException e) {
                return OptionalInt.empty();
            }
        }
    }
}
