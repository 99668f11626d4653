package com.amply.policysuite.model;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A JSON or YAML file loaded into a Jackson tree, with the source position of every value and every
 * object key, addressed by JSON pointer.
 */
public final class LocatedDocument {
    private final String file;
    private final JsonNode root;
    private final Map<String, SourcePosition> valuePositions;
    private final Map<String, SourcePosition> keyPositions;
    private final Map<String, SourceSpan> spans;

    public LocatedDocument(String file, JsonNode root, Map<String, SourcePosition> valuePositions,
                           Map<String, SourcePosition> keyPositions) {
        this(file, root, valuePositions, keyPositions, Map.of());
    }

    public LocatedDocument(String file, JsonNode root, Map<String, SourcePosition> valuePositions,
                           Map<String, SourcePosition> keyPositions, Map<String, SourceSpan> spans) {
        this.file = file;
        this.root = root;
        this.valuePositions = valuePositions;
        this.keyPositions = keyPositions;
        this.spans = spans;
    }

    /** The span of the value at {@code pointer}, or of its nearest present ancestor; null if spans were not kept. */
    public SourceSpan spanOf(String pointer) {
        String p = pointer;
        while (true) {
            SourceSpan span = spans.get(p);
            if (span != null || p.isEmpty()) {
                return span;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Repository-relative path with '/' separators. */
    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} starts; for a missing value, where its nearest present ancestor starts. */
    public SourcePosition positionOf(String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition pos = valuePositions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return SourcePosition.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of the member at {@code pointer} starts, or the value's position if it has no key. */
    public SourcePosition keyPositionOf(String pointer) {
        SourcePosition pos = keyPositions.get(pointer);
        return pos != null ? pos : positionOf(pointer);
    }

    public JsonNode at(String pointer) {
        return root.at(pointer);
    }
}
