package com.amply.policysuite.secrets;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.path.NodePath;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Base for the custom keyword validators. Errors carry a {@code check} detail (the sub-rule) and a message that is
 * built only from the keyword's schema arguments; the instance node is deliberately not attached to the error so the
 * raw value cannot leak through it.
 */
abstract class SecretKeywordValidator extends AbstractKeywordValidator {

    /** Name of the {@link Error#getDetails()} entry holding the sub-rule of a custom keyword. */
    static final String CHECK = "check";

    SecretKeywordValidator(Keyword keyword, JsonNode schemaNode, SchemaLocation schemaLocation) {
        super(keyword, schemaNode, schemaLocation);
    }

    final void report(ExecutionContext context, NodePath instanceLocation, String check, String message) {
        context.addError(Error.builder()
                .keyword(getKeyword())
                .instanceLocation(instanceLocation)
                .schemaLocation(schemaLocation)
                .evaluationPath(context.getEvaluationPath())
                .details(Map.of(CHECK, check))
                .message(message)
                .build());
    }

    static String requireText(JsonNode arguments, String keyword, String field) {
        JsonNode node = arguments.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new IllegalArgumentException(keyword + ": argument '" + field + "' must be a non-empty string");
        }
        return node.stringValue();
    }

    static void requireObject(JsonNode arguments, String keyword) {
        if (arguments == null || !arguments.isObject()) {
            throw new IllegalArgumentException(keyword + ": the keyword value must be an object of arguments");
        }
    }
}
