package com.amply.policysuite.secrets;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@code pemPrivateKey}: a string must be a PEM private key that Java's security API parses, of a minimum strength.
 *
 * <pre>{@code "pemPrivateKey": {"algorithm": "RSA", "minBits": 2048, "encodings": ["PKCS1", "PKCS8"]}}</pre>
 *
 * Checks, in order (the first failure is reported): {@code armor} (one BEGIN/END block with matching labels),
 * {@code encoding} (label allowed: PKCS1 = {@code RSA PRIVATE KEY}, PKCS8 = {@code PRIVATE KEY}), {@code base64},
 * {@code parse} (KeyFactory accepts it as an RSA key), {@code minBits} (modulus length).
 */
final class PemPrivateKeyKeyword extends AbstractKeyword {

    static final String NAME = "pemPrivateKey";

    PemPrivateKeyKeyword() {
        super(NAME);
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation schemaLocation, JsonNode schemaNode, Schema parentSchema,
            SchemaContext schemaContext) {
        return new Validator(this, schemaNode, schemaLocation);
    }

    private static final class Validator extends SecretKeywordValidator {
        private final int minBits;
        private final Set<PemKeys.Encoding> encodings;

        Validator(PemPrivateKeyKeyword keyword, JsonNode arguments, SchemaLocation location) {
            super(keyword, arguments, location);
            requireObject(arguments, NAME);
            if (!"RSA".equals(requireText(arguments, NAME, "algorithm"))) {
                throw new IllegalArgumentException(NAME + ": only algorithm RSA is supported");
            }
            JsonNode bits = arguments.get("minBits");
            if (bits == null || !bits.canConvertToInt() || bits.intValue() < 512) {
                throw new IllegalArgumentException(NAME + ": minBits must be an integer >= 512");
            }
            this.minBits = bits.intValue();
            JsonNode list = arguments.get("encodings");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": encodings must be a non-empty array of PKCS1/PKCS8");
            }
            EnumSet<PemKeys.Encoding> chosen = EnumSet.noneOf(PemKeys.Encoding.class);
            for (JsonNode item : list) {
                chosen.add(PemKeys.Encoding.valueOf(item.asString()));
            }
            this.encodings = chosen;
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode rootNode, NodePath instanceLocation) {
            if (node == null || !node.isString()) {
                return;
            }
            PemKeys.Inspection inspection = PemKeys.inspectRsa(node.stringValue());
            String allowed = encodings.stream().map(PemKeys.Encoding::label).collect(Collectors.joining(" or "));
            switch (inspection.problem()) {
                case NONE -> {
                    if (!encodings.contains(inspection.encoding())) {
                        report(context, instanceLocation, "encoding", "PEM block must be " + allowed);
                    } else if (inspection.bits() < minBits) {
                        report(context, instanceLocation, "minBits",
                                "RSA key must be at least " + minBits + " bits");
                    }
                }
                case ARMOR -> report(context, instanceLocation, "armor",
                        "must be a single PEM block: " + allowed);
                case BASE64 -> report(context, instanceLocation, "base64", "PEM body must be valid base64");
                case PARSE -> report(context, instanceLocation, "parse",
                        "PEM body must be an RSA private key that Java's KeyFactory can parse");
            }
        }
    }
}
