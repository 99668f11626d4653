package com.amply.policysuite.load;

import com.amply.policysuite.model.LoadProblem;
import com.amply.policysuite.model.LoadProblem.Kind;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.SourcePosition;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads one YAML document through snakeyaml's composer only: no constructor ever runs, so no tag can build an
 * object. The node graph is then turned into a Jackson tree with positions, counting alias uses and nodes
 * so that an alias bomb stops at a bound.
 */
final class YamlTreeBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

    private final Bounds bounds;
    private final String file;
    /** Whether to record positions; without, pointers are null and the maps stay empty. */
    private final boolean locate;
    private final Map<String, SourcePosition> values;
    private final Map<String, SourcePosition> keys;
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();
    private LoadProblem problem;
    private int nodes;
    private int aliases;

    YamlTreeBuilder(Bounds bounds, String file, boolean locate) {
        this.bounds = bounds;
        this.file = file;
        this.locate = locate;
        this.values = locate ? new HashMap<>() : Map.of();
        this.keys = locate ? new HashMap<>() : Map.of();
    }

    LoadResult load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // detected below, with a location
        options.setMaxAliasesForCollections(bounds.maxYamlAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(bounds.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, bounds.maxBytes()));
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            return DocumentLoader.failed(file, classify(e.getProblem()), "invalid YAML: " + sanitize(e.getProblem()),
                    position(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()));
        } catch (YAMLException e) {
            return DocumentLoader.failed(file, classify(e.getMessage()), "invalid YAML: " + sanitize(e.getMessage()),
                    SourcePosition.START);
        } catch (RuntimeException e) {
            // snakeyaml signals some bounds with plain runtime exceptions; never let one escape as a stack trace
            return DocumentLoader.failed(file, Kind.SYNTAX, "invalid YAML: " + e.getClass().getSimpleName(),
                    SourcePosition.START);
        }
        if (root == null) {
            return DocumentLoader.failed(file, Kind.SYNTAX, "is empty; expected a YAML document", SourcePosition.START);
        }
        JsonNode tree = convert(root, locate ? "" : null, 0, false);
        if (problem != null) {
            return new LoadResult.Failed(file, problem);
        }
        return new LoadResult.Loaded(new LocatedDocument(file, tree, values, keys));
    }

    private static Kind classify(String message) {
        if (message == null) {
            return Kind.SYNTAX;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("aliases")) {
            return Kind.TOO_MANY_ALIASES;
        }
        if (m.contains("nesting depth")) {
            return Kind.TOO_DEEP;
        }
        if (m.contains("code point")) {
            return Kind.TOO_LARGE;
        }
        return Kind.SYNTAX;
    }

    private static String sanitize(String message) {
        if (message == null) {
            return "unreadable document";
        }
        return DocumentLoader.redactQuoted(message.lines().findFirst().orElse(""));
    }

    private static SourcePosition position(Mark mark) {
        return mark == null ? SourcePosition.START : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * {@code again}: this node is inside a subtree reached again through an alias, so it was converted before. Every
     * node converted again counts as one alias use (an alias of a collection costs as much as its contents). Only an
     * anchored node can be the root of such a subtree, so only anchored nodes are remembered.
     */
    private JsonNode convert(Node node, String pointer, int depth, boolean again) {
        SourcePosition at = locate ? position(node.getStartMark()) : SourcePosition.START;
        if (locate) {
            values.putIfAbsent(pointer, at);
        }
        again = again || node.getAnchor() != null && seen.put(node, Boolean.TRUE) != null;
        if (again && ++aliases > bounds.maxYamlAliases()) {
            return fail(Kind.TOO_MANY_ALIASES, "uses more than " + bounds.maxYamlAliases() + " aliases", at);
        }
        if (++nodes > bounds.maxNodes()) {
            return fail(Kind.TOO_MANY_NODES, "expands to more than " + bounds.maxNodes() + " values", at);
        }
        if (depth > bounds.maxDepth()) {
            return fail(Kind.TOO_DEEP, "nests deeper than " + bounds.maxDepth() + " levels", at);
        }
        if (node instanceof MappingNode mapping) {
            if (!mapping.getTag().equals(Tag.MAP)) {
                return forbiddenTag(mapping, at);
            }
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                SourcePosition keyAt = locate ? position(keyNode.getStartMark()) : SourcePosition.START;
                if (!(keyNode instanceof ScalarNode key) || !key.getTag().equals(Tag.STR) && !SCALAR_TAGS.contains(key.getTag())) {
                    if (keyNode.getTag().equals(Tag.MERGE)) {
                        return fail(Kind.FORBIDDEN_TAG, "uses a YAML merge key (<<); write the keys out", keyAt);
                    }
                    return fail(Kind.SYNTAX, "has a key that is not a plain string", keyAt);
                }
                String name = key.getValue();
                String child = locate ? JsonPointer.child(pointer, name) : null;
                if (object.has(name)) {
                    if (!locate) {
                        // the message is left to the located read that follows
                        return fail(Kind.DUPLICATE_KEY, "duplicate key", keyAt);
                    }
                    return fail(Kind.DUPLICATE_KEY, "duplicate key \"" + name + "\" in the mapping at "
                            + (pointer.isEmpty() ? "the root" : pointer) + " (first at " + keys.get(child)
                            + "); keys must be unique", keyAt);
                }
                if (locate) {
                    keys.put(child, keyAt);
                }
                JsonNode v = convert(tuple.getValueNode(), child, depth + 1, again);
                if (problem != null) {
                    return null;
                }
                object.set(name, v);
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            if (!sequence.getTag().equals(Tag.SEQ)) {
                return forbiddenTag(sequence, at);
            }
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                JsonNode v = convert(item, locate ? JsonPointer.child(pointer, index) : null, depth + 1, again);
                index++;
                if (problem != null) {
                    return null;
                }
                array.add(v);
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (!SCALAR_TAGS.contains(tag)) {
            return forbiddenTag(scalar, at);
        }
        return scalar(tag, scalar.getValue());
    }

    private JsonNode forbiddenTag(Node node, SourcePosition at) {
        return fail(Kind.FORBIDDEN_TAG, "uses the YAML tag " + node.getTag().getValue()
                + "; only plain maps, lists, strings, numbers, booleans and null are allowed", at);
    }

    private JsonNode fail(Kind kind, String message, SourcePosition at) {
        if (problem == null) {
            problem = new LoadProblem(kind, message, at);
        }
        return null;
    }

    private static JsonNode scalar(Tag tag, String value) {
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            String v = value.toLowerCase(Locale.ROOT);
            return NODES.booleanNode(v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"));
        }
        if (tag.equals(Tag.INT)) {
            String v = value.replace("_", "");
            try {
                return NODES.numberNode(new BigInteger(v));
            } catch (NumberFormatException e) {
                return NODES.stringNode(value); // octal, hex or sexagesimal forms stay text
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return NODES.numberNode(new java.math.BigDecimal(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.stringNode(value); // .inf and .nan stay text
            }
        }
        return NODES.stringNode(value);
    }
}
