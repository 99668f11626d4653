package com.amply.policysuite.model;

import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A JSON or YAML file loaded into a Jackson tree, with the source position of every value and every
 * object key, addressed by JSON pointer.
 *
 * <p>The positions can be computed on first use: most documents of a clean repository never need one, so the
 * loader builds the tree without them and locates a document (by reading its text again) only when a finding,
 * a span or a position is asked of it.
 */
public final class LocatedDocument {
    /** The positions of a document's values and keys, and the spans of its values, by JSON pointer. */
    public record Locations(Map<String, SourcePosition> values, Map<String, SourcePosition> keys,
                            Map<String, SourceSpan> spans) {
        public static final Locations NONE = new Locations(Map.of(), Map.of(), Map.of());
    }

    private final String file;
    private final JsonNode root;
    private Supplier<Locations> locate;
    private Locations locations;

    public LocatedDocument(String file, JsonNode root, Map<String, SourcePosition> valuePositions,
                           Map<String, SourcePosition> keyPositions) {
        this(file, root, valuePositions, keyPositions, Map.of());
    }

    public LocatedDocument(String file, JsonNode root, Map<String, SourcePosition> valuePositions,
                           Map<String, SourcePosition> keyPositions, Map<String, SourceSpan> spans) {
        this.file = file;
        this.root = root;
        this.locations = new Locations(valuePositions, keyPositions, spans);
    }

    /** A document whose positions {@code locate} computes when first asked for (once). */
    public LocatedDocument(String file, JsonNode root, Supplier<Locations> locate) {
        this.file = file;
        this.root = root;
        this.locate = locate;
    }

    /** The positions and spans of this document, computed now if they were left for later. */
    public synchronized Locations locations() {
        if (locations == null) {
            Locations located = locate.get();
            locations = located != null ? located : Locations.NONE;
            locate = null;
        }
        return locations;
    }

    /** The span of the value at {@code pointer}, or of its nearest present ancestor; null if spans were not kept. */
    public SourceSpan spanOf(String pointer) {
        Map<String, SourceSpan> spans = locations().spans();
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
        Map<String, SourcePosition> valuePositions = locations().values();
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
        SourcePosition pos = locations().keys().get(pointer);
        return pos != null ? pos : positionOf(pointer);
    }

    public JsonNode at(String pointer) {
        return root.at(pointer);
    }
}
