package com.amply.policysuite.rules.secrets;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.secrets.SecretSchemaFiles;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the SEC and ROT rules read from a secret's schema: whether the payload is JSON, which properties an
 * environment requires, and its validity window ({@code dateRange}). Parsing a schema's text is pure.
 */
public record SecretSchemaDocument(String file, JsonNode root) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The schema of {@code secret}, when the catalog names one that exists and parses. */
    public static Optional<SecretSchemaDocument> of(CatalogSecret secret, RepositoryModel repository) {
        if (secret.schema() == null || !secret.schema().startsWith("schemas/")) {
            return Optional.empty();
        }
        String file = secret.schema().substring("schemas/".length());
        String text = repository.schemaFiles().get(file);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SecretSchemaDocument(secret.schema(), MAPPER.readTree(text)));
        } catch (JacksonException e) {
            return Optional.empty(); // SEC002 reports an unusable schema
        }
    }

    /** The secret name the validator pairs with this file: its name without {@code .schema.json}. */
    public static String validatorName(String schemaPath) {
        String file = schemaPath.substring(schemaPath.lastIndexOf('/') + 1);
        return file.endsWith(SecretSchemaFiles.SUFFIX) ? file.substring(0, file.length() - SecretSchemaFiles.SUFFIX.length()) : null;
    }

    public boolean jsonPayload() {
        return "json".equals(root.path("x-payload").asString(""));
    }

    /** Properties required in {@code environment}: the root's, {@code $defs/common}'s and {@code $defs/env-<env>}'s. */
    public Set<String> requiredProperties(String environment) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : List.of(root, root.path("$defs").path("common"), root.path("$defs").path("env-" + environment))) {
            n.path("required").forEach(r -> out.add(r.asString("")));
        }
        out.remove("");
        return out;
    }

    /** A {@code dateRange} keyword: the start and end property names and the longest allowed validity, if any. */
    public record DateRange(String start, String end, Period maxPeriod) {
    }

    /** Every {@code dateRange} in the schema, in document order. */
    public List<DateRange> dateRanges() {
        List<DateRange> out = new ArrayList<>();
        collect(root, out, 0);
        return out;
    }

    private static void collect(JsonNode node, List<DateRange> out, int depth) {
        if (depth > 32 || !node.isContainer()) {
            return;
        }
        JsonNode range = node.isObject() ? node.get("dateRange") : null;
        if (range != null && range.isObject()) {
            Period max = null;
            try {
                max = range.has("maxPeriod") ? Period.parse(range.get("maxPeriod").asString("")) : null;
            } catch (java.time.format.DateTimeParseException e) {
                max = null; // SEC002 reports bad keyword arguments
            }
            out.add(new DateRange(range.path("start").asString(""), range.path("end").asString(""), max));
        }
        for (JsonNode child : node.values()) {
            collect(child, out, depth + 1);
        }
    }

    /** Compares periods by the date they reach from a fixed day, so P1Y and P365D compare sensibly. */
    public static boolean longer(Period a, Period b) {
        LocalDate from = LocalDate.of(2001, 1, 1);
        return from.plus(a).isAfter(from.plus(b));
    }
}
