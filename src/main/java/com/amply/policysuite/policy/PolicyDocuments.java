package com.amply.policysuite.policy;

import com.amply.policysuite.model.Policy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policy documents as JSON text for AWS Access Analyzer. A role's combined document holds exactly the statements the
 * offline analysis compiled ({@link RolePolicy#origins()}), in the same order, so that a statement index in AWS's
 * answer is an index into {@code origins} and both analyzers answer the same question about the same text.
 */
public final class PolicyDocuments {
    public static final String VERSION = "2012-10-17";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PolicyDocuments() {
    }

    /** One policy file, as loaded (compact JSON). */
    public static String of(Policy policy) {
        return MAPPER.writeValueAsString(policy.document().root());
    }

    /** {@code {"Version":"2012-10-17","Statement":[...]}} with the statements of {@code rolePolicy.origins()}. */
    public static String combined(RolePolicy rolePolicy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Version", VERSION);
        ArrayNode statements = root.putArray("Statement");
        for (RolePolicy.Origin o : rolePolicy.origins()) {
            statements.add(o.policy().document().at(o.statement().pointer()).deepCopy());
        }
        return MAPPER.writeValueAsString(root);
    }
}
