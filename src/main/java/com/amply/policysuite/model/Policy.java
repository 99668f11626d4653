package com.amply.policysuite.model;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An identity-based IAM policy document, read as far as its grammar allows. Values of the wrong type are
 * left out here; the grammar rule reports them.
 */
public record Policy(String file, LocatedDocument document, List<Statement> statements,
                     List<com.amply.policysuite.policy.PolicyIssue> issues) {
    public Policy {
        statements = List.copyOf(statements);
        issues = List.copyOf(issues);
    }

    /**
     * One statement. {@code actions} holds Action or NotAction entries ({@code notAction} tells which);
     * {@code resources} likewise, and {@code resourceArns} holds each resource parsed as an ARN (empty for one that
     * is not). {@code condition} is the raw Condition object or null.
     */
    public record Statement(int index, String pointer, String sid, String effect, List<Located> actions,
                            boolean notAction, List<Located> resources, boolean notResource, JsonNode condition,
                            List<java.util.Optional<Arn>> resourceArns) {
        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            resourceArns = List.copyOf(resourceArns);
        }

        /** A statement whose resources are parsed as ARNs here, once for every rule that reads them. */
        public Statement(int index, String pointer, String sid, String effect, List<Located> actions, boolean notAction,
                         List<Located> resources, boolean notResource, JsonNode condition) {
            this(index, pointer, sid, effect, actions, notAction, resources, notResource, condition,
                    resources.stream().map(r -> Arn.parse(r.value())).toList());
        }

        /** "statement 2 (Sid ReadStagingSecrets)" or "statement 2" for messages. */
        public String label() {
            return "statement " + index + (sid != null ? " (Sid " + sid + ")" : "");
        }
    }
}
