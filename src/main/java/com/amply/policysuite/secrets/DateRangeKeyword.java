package com.amply.policysuite.secrets;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code dateRange}: two date properties of an object must be in order and, optionally, not too far apart.
 *
 * <pre>{@code "dateRange": {"start": "valid_from", "end": "valid_until", "maxPeriod": "P1Y"}}</pre>
 *
 * Checks {@code order} (start strictly before end) and {@code maxPeriod} (end no later than start + period, ISO-8601
 * period). Missing or malformed dates are left to {@code required}/{@code format}; this keyword then stays silent.
 * Violations point at the {@code end} property.
 */
final class DateRangeKeyword extends AbstractKeyword {

    static final String NAME = "dateRange";

    DateRangeKeyword() {
        super(NAME);
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation schemaLocation, JsonNode schemaNode, Schema parentSchema,
            SchemaContext schemaContext) {
        return new Validator(this, schemaNode, schemaLocation);
    }

    private static final class Validator extends SecretKeywordValidator {
        private final String start;
        private final String end;
        private final Period maxPeriod;

        Validator(DateRangeKeyword keyword, JsonNode arguments, SchemaLocation location) {
            super(keyword, arguments, location);
            requireObject(arguments, NAME);
            this.start = requireText(arguments, NAME, "start");
            this.end = requireText(arguments, NAME, "end");
            this.maxPeriod = arguments.has("maxPeriod")
                    ? Period.parse(requireText(arguments, NAME, "maxPeriod"))
                    : null;
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode rootNode, NodePath instanceLocation) {
            if (node == null || !node.isObject()) {
                return;
            }
            Optional<LocalDate> from = date(node.get(start));
            Optional<LocalDate> until = date(node.get(end));
            if (from.isEmpty() || until.isEmpty()) {
                return;
            }
            NodePath at = instanceLocation.append(end);
            if (!from.get().isBefore(until.get())) {
                report(context, at, "order", start + " must be before " + end);
            } else if (maxPeriod != null && until.get().isAfter(from.get().plus(maxPeriod))) {
                report(context, at, "maxPeriod",
                        "the period from " + start + " to " + end + " must not exceed " + maxPeriod);
            }
        }

        private static Optional<LocalDate> date(JsonNode value) {
            if (value == null || !value.isString()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value.stringValue()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
