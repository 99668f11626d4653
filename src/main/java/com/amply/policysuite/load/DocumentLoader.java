package com.amply.policysuite.load;

import com.amply.policysuite.model.LoadProblem;
import com.amply.policysuite.model.LoadProblem.Kind;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.SourceSpan;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict, bounded loading of JSON and YAML files into {@link LocatedDocument}s. Duplicate keys, trailing
 * content, files over a {@link Bounds} and YAML tags other than the standard scalar and collection tags are
 * load problems, located by line and column. Nothing here throws for bad input.
 */
public final class DocumentLoader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Bounds bounds;
    private final JsonFactory jsonFactory;

    public DocumentLoader(Bounds bounds) {
        this.bounds = bounds;
        this.jsonFactory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        // depth is enforced by the tree builder so that the problem is located; this is a backstop
                        .maxNestingDepth(bounds.maxDepth() + 1)
                        .maxDocumentLength(bounds.maxBytes())
                        .build())
                .build();
    }

    /** The syntax a file is read with, chosen by its extension. */
    public enum Syntax {
        JSON, YAML;

        public static Syntax of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                return JSON;
            }
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return YAML;
            }
            return null;
        }
    }

    /** Reads and loads {@code path}, reported as {@code file}. */
    public LoadResult load(Path path, String file, Syntax syntax) {
        if (!Files.isRegularFile(path)) {
            // a named pipe would block the read; a directory or a device is no document either
            return failed(file, Kind.UNREADABLE, Files.exists(path) ? "is not a regular file" : "does not exist",
                    SourcePosition.START);
        }
        try {
            // one open, the size from the open file: the same read as the leak scan's
            byte[] bytes = TrackedFiles.readAtMost(path, bounds.maxBytes());
            if (bytes == null) {
                return failed(file, Kind.TOO_LARGE, "file is " + Files.size(path) + " bytes, over the limit of "
                        + bounds.maxBytes() + " bytes", SourcePosition.START);
            }
            return load(bytes, file, syntax);
        } catch (IOException e) {
            return failed(file, Kind.UNREADABLE, "cannot be read: " + e.getClass().getSimpleName(), SourcePosition.START);
        }
    }

    /**
     * Loads {@code bytes} (UTF-8), reported as {@code file}. The tree is built without positions first (the common
     * case: a document that loads and never needs a location). A document with a problem is read again with
     * positions, so that the problem is located; a loaded one keeps {@code bytes} (not copied: don't change them)
     * and is located again from them only when something asks it for a position.
     */
    public LoadResult load(byte[] bytes, String file, Syntax syntax) {
        if (bytes.length > bounds.maxBytes()) {
            return failed(file, Kind.TOO_LARGE, "file is " + bytes.length + " bytes, over the limit of "
                    + bounds.maxBytes() + " bytes", SourcePosition.START);
        }
        String text = decode(bytes);
        if (text == null) {
            return failed(file, Kind.SYNTAX, "is not valid UTF-8", SourcePosition.START);
        }
        LoadResult quick = build(text, file, syntax, false);
        if (quick instanceof LoadResult.Loaded loaded) {
            return new LoadResult.Loaded(new LocatedDocument(file, loaded.document().root(), () -> locate(bytes, file, syntax)));
        }
        return build(text, file, syntax, true);
    }

    /** The text without a byte order mark, or null when the bytes are not valid UTF-8. */
    private static String decode(byte[] bytes) {
        // the JDK's fast decoder first; it turns malformed input into U+FFFD, so only a text holding one is
        // decoded again strictly, to tell malformed bytes from a U+FFFD actually written in the file
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    static LoadResult failed(String file, Kind kind, String message, SourcePosition position) {
        return new LoadResult.Failed(file, new LoadProblem(kind, message, position));
    }

    private LoadResult build(String text, String file, Syntax syntax, boolean locate) {
        return switch (syntax) {
            case JSON -> buildJson(text, file, locate);
            case YAML -> new YamlTreeBuilder(bounds, file, locate).load(text);
        };
    }

    private LocatedDocument.Locations locate(byte[] bytes, String file, Syntax syntax) {
        String text = decode(bytes);
        return text != null && build(text, file, syntax, true) instanceof LoadResult.Loaded loaded
                ? loaded.document().locations() : null;
    }

    private LoadResult buildJson(String text, String file, boolean locate) {
        JsonTreeBuilder builder = new JsonTreeBuilder(locate);
        try (JsonParser parser = jsonFactory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return failed(file, Kind.SYNTAX, "is empty; expected a JSON document", SourcePosition.START);
            }
            JsonNode root = builder.value(parser, locate ? "" : null, 0);
            if (builder.problem != null) {
                return new LoadResult.Failed(file, builder.problem);
            }
            if (parser.nextToken() != null) {
                return failed(file, Kind.SYNTAX, "has content after the end of the JSON document",
                        position(parser.currentTokenLocation()));
            }
            return new LoadResult.Loaded(new LocatedDocument(file, root, builder.values, builder.keys, builder.spans));
        } catch (JacksonException e) {
            return failed(file, Kind.SYNTAX, describe(e), position(e.getLocation()));
        }
    }

    private static SourcePosition position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourcePosition.START;
        }
        return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /**
     * Jackson's message without its location suffix and without quoted input: a syntax error in a file that
     * holds a secret must not echo the secret.
     */
    static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "invalid JSON";
        }
        message = message.lines().findFirst().orElse("invalid JSON");
        message = redactQuoted(message);
        if (message.contains("end-of-input")) {
            return "JSON ends too early (truncated file?): " + message;
        }
        return "invalid JSON: " + message;
    }

    /**
     * Replaces quoted fragments of a parser message by an ellipsis, keeping quoted fragments of up to three
     * characters (punctuation such as ',' or ']') that carry no secret but make the message readable.
     */
    static String redactQuoted(String message) {
        return redact(redact(message, '\''), '"');
    }

    private static String redact(String message, char quote) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(quote + "([^" + quote + "]*)" + quote).matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kept = m.group(1).length() <= 3 ? m.group() : quote + "…" + quote;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(kept));
        }
        return m.appendTail(out).toString();
    }

    /** Builds the Jackson tree from the token stream, recording positions and stopping at the first problem. */
    private final class JsonTreeBuilder {
        /** Whether to record positions and spans; without, pointers are null and the maps stay empty. */
        final boolean locate;
        final Map<String, SourcePosition> values;
        final Map<String, SourcePosition> keys;
        final Map<String, SourceSpan> spans;
        LoadProblem problem;
        int nodes;

        JsonTreeBuilder(boolean locate) {
            this.locate = locate;
            this.values = locate ? new HashMap<>() : Map.of();
            this.keys = locate ? new HashMap<>() : Map.of();
            this.spans = locate ? new HashMap<>() : Map.of();
        }

        JsonNode value(JsonParser p, String pointer, int depth) {
            if (!locate) {
                return build(p, null, depth);
            }
            TokenStreamLocation start = p.currentTokenLocation();
            JsonNode node = build(p, pointer, depth);
            if (node != null) {
                TokenStreamLocation end = p.currentLocation();
                spans.put(pointer, new SourceSpan(start.getLineNr(), start.getColumnNr(), start.getCharOffset(),
                        end.getLineNr(), end.getColumnNr(), end.getCharOffset()));
            }
            return node;
        }

        private JsonNode build(JsonParser p, String pointer, int depth) {
            SourcePosition at = locate ? position(p.currentTokenLocation()) : SourcePosition.START;
            if (locate) {
                values.put(pointer, at);
            }
            if (++nodes > bounds.maxNodes()) {
                problem = new LoadProblem(Kind.TOO_MANY_NODES, "has more than " + bounds.maxNodes() + " values", at);
                return null;
            }
            JsonToken token = p.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    if (depth >= bounds.maxDepth()) {
                        problem = new LoadProblem(Kind.TOO_DEEP, "nests deeper than " + bounds.maxDepth() + " levels", at);
                        return null;
                    }
                    ObjectNode object = NODES.objectNode();
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        String child = locate ? JsonPointer.child(pointer, name) : null;
                        SourcePosition keyAt = locate ? position(p.currentTokenLocation()) : SourcePosition.START;
                        if (object.has(name)) {
                            // without positions, the message is left to the located read that follows
                            problem = !locate ? new LoadProblem(Kind.DUPLICATE_KEY, "duplicate key", keyAt)
                                    : new LoadProblem(Kind.DUPLICATE_KEY, "duplicate key \"" + name + "\" in the object at "
                                    + (pointer.isEmpty() ? "the root" : pointer) + " (first at " + keys.get(child)
                                    + "); keys must be unique", keyAt);
                            return null;
                        }
                        if (locate) {
                            keys.put(child, keyAt);
                        }
                        p.nextToken();
                        JsonNode v = value(p, child, depth + 1);
                        if (problem != null) {
                            return null;
                        }
                        object.set(name, v);
                    }
                    return object;
                }
                case START_ARRAY -> {
                    if (depth >= bounds.maxDepth()) {
                        problem = new LoadProblem(Kind.TOO_DEEP, "nests deeper than " + bounds.maxDepth() + " levels", at);
                        return null;
                    }
                    ArrayNode array = NODES.arrayNode();
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode v = value(p, locate ? JsonPointer.child(pointer, index) : null, depth + 1);
                        index++;
                        if (problem != null) {
                            return null;
                        }
                        array.add(v);
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return NODES.stringNode(p.getString());
                }
                case VALUE_NUMBER_INT -> {
                    return switch (p.getNumberType()) {
                        case INT -> NODES.numberNode(p.getIntValue());
                        case LONG -> NODES.numberNode(p.getLongValue());
                        default -> NODES.numberNode(p.getBigIntegerValue());
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    return NODES.numberNode(p.getDecimalValue());
                }
                case VALUE_TRUE -> {
                    return NODES.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return NODES.booleanNode(false);
                }
                case VALUE_NULL -> {
                    return NODES.nullNode();
                }
                default -> {
                    problem = new LoadProblem(Kind.SYNTAX, "unexpected token " + token, at);
                    return null;
                }
            }
        }
    }
}
