package com.amply.policysuite.secrets;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Validates a Secrets Manager {@code SecretString} against the secret's JSON Schema for one environment.
 *
 * <p>Schemas are given as file name ({@code <secret-name>.schema.json}) → JSON text, e.g. from
 * {@link SecretSchemaFiles#read}; other file names are ignored. Environment selection is data: a schema defines
 * environment {@code <env>} as the subschema {@code $defs/env-<env>}, and the payload is validated against exactly
 * that subschema (which usually {@code $ref}s {@code #/$defs/common} and adds the environment's own constraints). Payloads are strings unless the
 * schema root says {@code "x-payload": "json"}, in which case the SecretString is parsed as JSON first.
 *
 * <p>The validator is pure and thread-safe after construction: no I/O, no printing, and {@link #validate} never
 * throws for bad input — problems come back as {@link Violation}s whose text never includes the payload.
 */
public final class SecretPayloadValidator {

    /** JSON pointer (inside a schema) of the definitions holding the per-environment subschemas. */
    public static final String DEFS = "/$defs";
    /** Name prefix of a per-environment subschema in {@code $defs}: environment {@code prod} is {@code env-prod}. */
    public static final String ENVIRONMENT_PREFIX = "env-";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, SecretSchema> secrets;

    private SecretPayloadValidator(Map<String, SecretSchema> secrets) {
        this.secrets = secrets;
    }

    /**
     * Builds a validator from schema files. A file that is not valid JSON, has no environments, or uses a custom
     * keyword with bad arguments does not throw: validating that secret yields a {@code schema} violation instead
     * (see {@link #schemaProblems()}).
     */
    public static SecretPayloadValidator fromSchemaFiles(Map<String, String> schemaFilesByName) {
        Map<String, String> byId = new HashMap<>();
        Map<String, String> fileById = new HashMap<>();
        Map<String, JsonNode> docs = new TreeMap<>();
        Map<String, SecretSchema> secrets = new TreeMap<>();
        schemaFilesByName.forEach((file, text) -> {
            if (!file.endsWith(SecretSchemaFiles.SUFFIX)) {
                return;
            }
            String name = file.substring(0, file.length() - SecretSchemaFiles.SUFFIX.length());
            try {
                JsonNode doc = JSON.readTree(text);
                String id = idOf(doc, file);
                byId.put(id, text);
                fileById.put(id, file);
                docs.put(name, doc);
            } catch (JacksonException e) {
                secrets.put(name, SecretSchema.broken(name, "schema file is not valid JSON"));
            }
        });
        SchemaRegistry registry = SchemaRegistry.withDialect(SecretDialect.create(), builder -> builder
                // only the given schemas (and the bundled meta-schemas) resolve: a remote $ref is never fetched
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemas(byId)
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build()));
        docs.forEach((name, doc) -> secrets.put(name, SecretSchema.load(name, doc, registry, fileById)));
        return new SecretPayloadValidator(Collections.unmodifiableMap(secrets));
    }

    /** The schema's {@code $id}, or a stable placeholder id derived from the file name when it has none. */
    private static String idOf(JsonNode doc, String file) {
        return doc.path("$id").isString() ? doc.get("$id").stringValue()
                : "https://policy-suite.amply.invalid/schemas/" + file;
    }

    /** Secret names (file names without {@code .schema.json}) this validator knows. */
    public Set<String> secretNames() {
        return secrets.keySet();
    }

    /** Environments the secret's schema defines, empty for an unknown secret. */
    public Set<String> environments(String secretName) {
        SecretSchema schema = secretName == null ? null : secrets.get(secretName);
        return schema == null ? Set.of() : schema.environments().keySet();
    }

    /** Secret name → why its schema could not be used; empty when all schemas loaded. */
    public Map<String, String> schemaProblems() {
        Map<String, String> problems = new TreeMap<>();
        secrets.forEach((name, s) -> {
            if (s.problem() != null) {
                problems.put(name, s.problem());
            }
        });
        return problems;
    }

    /**
     * Validates one payload. Returns no violations when the payload satisfies the secret's schema for the
     * environment. Never throws; never echoes the payload.
     *
     * @param environment e.g. {@code prod}, {@code staging}, {@code sandbox}
     * @param secretName  e.g. {@code stripe-secret-key} (the part after {@code amply/<env>/})
     * @param payload     the exact SecretString
     */
    public List<Violation> validate(String environment, String secretName, String payload) {
        if (secretName == null || !secrets.containsKey(secretName)) {
            return List.of(new Violation("", "secret", "", "no schema is defined for this secret name; known: "
                    + String.join(", ", secrets.keySet())));
        }
        SecretSchema secret = secrets.get(secretName);
        if (secret.problem() != null) {
            return List.of(new Violation("", "schema", secret.file(), "the schema cannot be used: " + secret.problem()));
        }
        Schema schema = environment == null ? null : secret.environments().get(environment);
        if (schema == null) {
            return List.of(new Violation("", "environment", secret.file() + "#" + DEFS,
                    "unknown environment for this secret; the schema defines: "
                            + String.join(", ", new TreeSet<>(secret.environments().keySet()))));
        }
        if (payload == null) {
            return List.of(new Violation("", "payload", "", "no payload was given"));
        }
        JsonNode instance;
        if (secret.jsonPayload()) {
            try {
                instance = JSON.readTree(payload);
            } catch (JacksonException e) {
                return List.of(new Violation("", "json", secret.file() + "#/" + SecretDialect.PAYLOAD,
                        "payload must be a JSON document (it does not parse as JSON)"));
            }
        } else {
            instance = JsonNodeFactory.instance.stringNode(payload);
        }
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (RuntimeException e) {
            return List.of(new Violation("", "schema", secret.file(), "validation could not complete"));
        }
        Set<Violation> violations = new LinkedHashSet<>();
        for (Error error : errors) {
            try {
                violations.add(secret.toViolation(error));
            } catch (RuntimeException e) {
                violations.add(new Violation("", String.valueOf(error.getKeyword()), secret.file(),
                        "the payload violates a rule of the schema (details unavailable)"));
            }
        }
        return List.copyOf(violations);
    }

    /** One loaded schema file. */
    private record SecretSchema(String name, String file, JsonNode doc, boolean jsonPayload,
            Map<String, Schema> environments, Set<String> declaredProperties, Map<String, String> fileById,
            String problem) {

        static SecretSchema broken(String name, String problem) {
            return new SecretSchema(name, name + SecretSchemaFiles.SUFFIX, null, false, Map.of(), Set.of(), Map.of(),
                    problem);
        }

        static SecretSchema load(String name, JsonNode doc, SchemaRegistry registry, Map<String, String> fileById) {
            String file = name + SecretSchemaFiles.SUFFIX;
            List<String> envs = doc.at(DEFS).propertyNames().stream()
                    .filter(def -> def.startsWith(ENVIRONMENT_PREFIX) && def.length() > ENVIRONMENT_PREFIX.length())
                    .toList();
            if (envs.isEmpty()) {
                return broken(name, "it defines no environments ($defs/" + ENVIRONMENT_PREFIX + "<env>)");
            }
            String payloadKind = doc.path(SecretDialect.PAYLOAD).asString("string");
            if (!payloadKind.equals("string") && !payloadKind.equals("json")) {
                return broken(name, SecretDialect.PAYLOAD + " must be \"string\" or \"json\"");
            }
            String id = idOf(doc, file);
            Map<String, Schema> schemas = new TreeMap<>();
            try {
                for (String def : envs) {
                    String pointer = DEFS + "/" + def.replace("~", "~0").replace("/", "~1");
                    Schema schema = registry.getSchema(SchemaLocation.of(id + "#" + pointer));
                    schema.initializeValidators();
                    schemas.put(def.substring(ENVIRONMENT_PREFIX.length()), schema);
                }
            } catch (RuntimeException e) {
                return broken(name, "it could not be compiled (check keyword names, custom keyword arguments and $refs)");
            }
            Set<String> declared = new TreeSet<>();
            collectDeclaredProperties(doc, declared);
            return new SecretSchema(name, file, doc, payloadKind.equals("json"), Collections.unmodifiableMap(schemas),
                    Collections.unmodifiableSet(declared), fileById, null);
        }

        private static void collectDeclaredProperties(JsonNode node, Set<String> out) {
            if (node.isObject()) {
                JsonNode props = node.get("properties");
                if (props != null && props.isObject()) {
                    out.addAll(props.propertyNames());
                }
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    collectDeclaredProperties(e.getValue(), out);
                }
            } else if (node.isArray()) {
                node.forEach(child -> collectDeclaredProperties(child, out));
            }
        }

        Violation toViolation(Error error) {
            String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
            Object check = SecretDialect.isCustomKeyword(keyword) && error.getDetails() != null
                    ? error.getDetails().get(SecretKeywordValidator.CHECK) : null;
            String rule = check == null ? keyword : keyword + "." + check;
            List<String> fragment = fragment(error.getSchemaLocation());
            JsonNode keywordParent = schemaNodeAt(fragment.subList(0, Math.max(0, fragment.size() - 1)));
            String location = locationOf(error.getSchemaLocation(), fragment);
            String message = schemaMessage(keywordParent, rule, keyword);
            if (message == null) {
                message = SecretDialect.isCustomKeyword(keyword) && error.getMessage() != null
                        ? error.getMessage() // built by our keywords from schema arguments only
                        : genericMessage(keyword, keywordParent, error);
            }
            return new Violation(pointer(error), rule, location, message);
        }

        private String pointer(Error error) {
            List<String> segments = new ArrayList<>();
            NodePath path = error.getInstanceLocation();
            boolean truncated = false;
            if (path != null) {
                for (int i = 0; i < path.getNameCount() && !truncated; i++) {
                    Object element = path.getElement(i);
                    if (element instanceof Integer) {
                        segments.add(element.toString());
                    } else if (element != null && declaredProperties.contains(element.toString())) {
                        segments.add(element.toString());
                    } else {
                        truncated = true; // a name the schema does not declare came from the payload: never echo it
                    }
                }
            }
            if (!truncated && "required".equals(error.getKeyword()) && error.getProperty() != null
                    && declaredProperties.contains(error.getProperty())) {
                segments.add(error.getProperty());
            }
            StringBuilder pointer = new StringBuilder();
            for (String segment : segments) {
                pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            return pointer.toString();
        }

        private static List<String> fragment(SchemaLocation location) {
            List<String> names = new ArrayList<>();
            if (location != null && location.getFragment() != null) {
                NodePath f = location.getFragment();
                for (int i = 0; i < f.getNameCount(); i++) {
                    names.add(String.valueOf(f.getElement(i)));
                }
            }
            return names;
        }

        private String locationOf(SchemaLocation location, List<String> fragment) {
            String schemaFile = location == null || location.getAbsoluteIri() == null ? file
                    : fileById.getOrDefault(location.getAbsoluteIri().toString(), file);
            StringBuilder sb = new StringBuilder(schemaFile).append('#');
            fragment.forEach(s -> sb.append('/').append(s.replace("~", "~0").replace("/", "~1")));
            return sb.toString();
        }

        private JsonNode schemaNodeAt(List<String> fragment) {
            JsonNode node = doc;
            for (String segment : fragment) {
                if (node == null) {
                    return null;
                }
                node = node.isArray() && segment.chars().allMatch(Character::isDigit)
                        ? node.get(Integer.parseInt(segment)) : node.get(segment);
            }
            return node;
        }

        private static String schemaMessage(JsonNode schemaObject, String rule, String keyword) {
            if (schemaObject == null || !schemaObject.isObject()) {
                return null;
            }
            JsonNode message = schemaObject.get(SecretDialect.MESSAGE);
            if (message == null) {
                return null;
            }
            if (message.isString()) {
                return message.stringValue();
            }
            if (message.isObject()) {
                JsonNode specific = message.has(rule) ? message.get(rule) : message.get(keyword);
                if (specific != null && specific.isString()) {
                    return specific.stringValue();
                }
            }
            return null;
        }

        /** A message from the keyword and its schema value only; the error's own message/arguments are not used. */
        private String genericMessage(String keyword, JsonNode schemaObject, Error error) {
            JsonNode value = schemaObject == null ? null : schemaObject.get(keyword);
            String argument = value == null ? "" : value.isString() ? value.stringValue() : value.toString();
            return switch (keyword) {
                case "type" -> "must be of type " + argument;
                case "pattern" -> "must match the pattern " + argument;
                case "minLength" -> "must be at least " + argument + " characters long";
                case "maxLength" -> "must be at most " + argument + " characters long";
                case "format" -> "must be a valid " + argument;
                case "required" -> error.getProperty() != null && declaredProperties.contains(error.getProperty())
                        ? "required field " + error.getProperty() + " is missing"
                        : "a required field is missing";
                case "additionalProperties", "unevaluatedProperties" ->
                        "only the fields the schema declares are allowed (an unknown field is present)";
                case "const" -> "must equal the value the schema fixes";
                case "enum" -> "must be one of the values the schema lists";
                case "false" -> "no value is allowed here";
                default -> "fails the " + keyword + " rule";
            };
        }
    }
}
