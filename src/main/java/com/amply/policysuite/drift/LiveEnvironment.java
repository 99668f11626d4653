package com.amply.policysuite.drift;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the account holds for one environment, as read by the {@code aws} package: plain data, no SDK types.
 *
 * @param environment     {@code prod}
 * @param secrets         every live secret under the environment's prefix, including those scheduled for deletion
 * @param families        every family with an ACTIVE revision under the environment's family prefix
 * @param taskDefinitions the latest ACTIVE revision of each repository family that exists live, by family
 * @param roles           each role in scope that exists, by name (a role absent here does not exist)
 * @param payloads        the payload check of each catalog secret that was read, by full name; null when payloads
 *                        were not checked
 */
public record LiveEnvironment(String environment, List<Secret> secrets, List<String> families,
                              Map<String, TaskDefinition> taskDefinitions, Map<String, Role> roles,
                              Map<String, PayloadCheck> payloads) {

    public LiveEnvironment {
        secrets = List.copyOf(secrets);
        families = List.copyOf(families);
        taskDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(taskDefinitions));
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        payloads = payloads == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(payloads));
    }

    /**
     * One secret's metadata ({@code DescribeSecret}); never its value.
     *
     * @param rotationDays {@code RotationRules.AutomaticallyAfterDays}, or null when not set
     * @param lastChanged  {@code LastChangedDate}, else {@code CreatedDate}; null when neither is known
     * @param deletedDate  {@code DeletedDate}: when set, the secret is scheduled for deletion
     */
    public record Secret(String name, boolean rotationEnabled, Integer rotationDays, Instant lastChanged,
                         Instant deletedDate) {
    }

    /** The latest ACTIVE revision of a family ({@code DescribeTaskDefinition}). */
    public record TaskDefinition(String family, int revision, String taskRoleArn, String executionRoleArn,
                                 List<Container> containers) {
        public TaskDefinition {
            containers = List.copyOf(containers);
        }
    }

    /**
     * A container definition: its secret references (variable name → {@code valueFrom}) and the names of its plain
     * environment variables (values are not compared).
     */
    public record Container(String name, Map<String, String> secrets, List<String> environmentNames) {
        public Container {
            secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
            environmentNames = List.copyOf(environmentNames);
        }
    }

    /** A role's identity policies: inline and attached managed ones, documents decoded to JSON text. */
    public record Role(String name, List<RolePolicy> policies) {
        public Role {
            policies = List.copyOf(policies);
        }
    }

    /**
     * One identity policy of a role.
     *
     * @param origin   {@code inline policy deploy} or {@code managed policy arn:aws:iam::...:policy/x}
     * @param document the decoded policy document (JSON text)
     */
    public record RolePolicy(String origin, String document) {
    }

    /**
     * The outcome of validating one secret's payload. {@code problems} are built from the schema only (rule, pointer
     * and schema message), never from the value; empty when the payload is valid.
     */
    public record PayloadCheck(String secret, List<String> problems) {
        public PayloadCheck {
            problems = List.copyOf(problems);
        }
    }
}
