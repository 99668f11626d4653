package com.amply.policysuite.rules.rotation;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.SchemaExample;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.rules.secrets.SecretSchemaDocument;
import com.amply.policysuite.rules.secrets.SecretSchemaDocument.DateRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The end dates of the valid example payloads of secrets whose schema has a validity window. */
final class KeyValidity {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private KeyValidity() {
    }

    /** A valid example's end of validity and where it is written. */
    record Expiry(SchemaExample example, String endProperty, LocalDate end, SourcePosition position) {
    }

    static List<Expiry> of(RepositoryModel repository) {
        Suite suite = repository.suite();
        List<Expiry> out = new ArrayList<>();
        if (suite == null) {
            return out;
        }
        for (SchemaExample example : repository.schemaExamples()) {
            if (!example.expectValid()) {
                continue;
            }
            Optional<CatalogSecret> secret = suite.secret(example.secret());
            Optional<SecretSchemaDocument> schema = secret.flatMap(s -> SecretSchemaDocument.of(s, repository));
            if (schema.isEmpty() || !schema.get().jsonPayload()) {
                continue;
            }
            for (DateRange range : schema.get().dateRanges()) {
                end(example, range.end()).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Expiry> end(SchemaExample example, String property) {
        try {
            JsonNode value = MAPPER.readTree(example.payload()).path(property);
            if (!value.isString()) {
                return Optional.empty();
            }
            return Optional.of(new Expiry(example, property, LocalDate.parse(value.stringValue()), position(example.payload(), property)));
        } catch (JacksonException | DateTimeParseException e) {
            return Optional.empty(); // the example is then invalid, which the schema example test reports
        }
    }

    /** Where {@code "property"} is written in the payload text. */
    private static SourcePosition position(String text, String property) {
        int at = text.indexOf('"' + property + '"');
        if (at < 0) {
            return SourcePosition.START;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(line, at - lineStart + 1);
    }
}
