package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A task definition file is a {@code RegisterTaskDefinition} request: known keys only, a family, and container
 * definitions whose {@code secrets} and {@code environment} entries have the shape ECS expects.
 */
public final class TaskDefinitionHasRegisterShape implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD001", "Task definition has the RegisterTaskDefinition shape", Severity.ERROR,
            "A misspelt key (\"secret\" for \"secrets\") is ignored by tools that read leniently, so a reference would"
                    + " silently go unchecked. Files are read as RegisterTaskDefinition input, strictly.",
            Docs.ECS_REGISTER);

    private static final Set<String> TOP = Set.of("family", "taskRoleArn", "executionRoleArn", "networkMode",
            "containerDefinitions", "volumes", "placementConstraints", "requiresCompatibilities", "cpu", "memory", "tags",
            "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage", "runtimePlatform",
            "enableFaultInjection");
    private static final Set<String> DESCRIBE_ONLY = Set.of("taskDefinitionArn", "revision", "status", "registeredAt",
            "registeredBy", "requiresAttributes", "compatibilities", "deregisteredAt");
    private static final Set<String> CONTAINER = Set.of("name", "image", "repositoryCredentials", "cpu", "memory",
            "memoryReservation", "links", "portMappings", "essential", "restartPolicy", "entryPoint", "command",
            "environment", "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters", "secrets", "dependsOn",
            "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user", "workingDirectory",
            "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains", "extraHosts",
            "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration",
            "healthCheck", "systemControls", "resourceRequirements", "firelensConfiguration", "credentialSpecs");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (TaskDefinition td : repository.taskDefinitions()) {
            check(td.document(), findings);
        }
    }

    private void check(LocatedDocument doc, Findings findings) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            findings.at(INFO, doc, "", "a task definition must be an object (RegisterTaskDefinition input).");
            return;
        }
        for (String key : root.propertyNames()) {
            if (DESCRIBE_ONLY.contains(key)) {
                findings.atKey(INFO, doc, JsonPointer.child("", key), "key " + key + " belongs to DescribeTaskDefinition"
                        + " output, not RegisterTaskDefinition input; remove it.");
            } else if (!TOP.contains(key)) {
                findings.atKey(INFO, doc, JsonPointer.child("", key), "unknown key " + key
                        + " in a RegisterTaskDefinition request; check its spelling.");
            }
        }
        requireString(doc, root, "", "family", findings);
        for (String role : new String[] {"taskRoleArn", "executionRoleArn"}) {
            if (root.has(role) && !root.get(role).isString()) {
                findings.at(INFO, doc, "/" + role, role + " must be a string ARN.");
            }
        }
        JsonNode containers = root.get("containerDefinitions");
        if (containers == null || !containers.isArray() || containers.isEmpty()) {
            findings.at(INFO, doc, containers == null ? "" : "/containerDefinitions",
                    "containerDefinitions must be a non-empty list of container definitions.");
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            String pointer = "/containerDefinitions/" + i;
            JsonNode c = containers.get(i);
            if (!c.isObject()) {
                findings.at(INFO, doc, pointer, "each container definition must be an object.");
                continue;
            }
            for (String key : c.propertyNames()) {
                if (!CONTAINER.contains(key)) {
                    findings.atKey(INFO, doc, JsonPointer.child(pointer, key), "unknown key " + key
                            + " in a container definition; check its spelling.");
                }
            }
            requireString(doc, c, pointer, "name", findings);
            requireString(doc, c, pointer, "image", findings);
            pairs(doc, c, pointer, "secrets", "valueFrom", findings);
            pairs(doc, c, pointer, "environment", "value", findings);
        }
    }

    private void pairs(LocatedDocument doc, JsonNode container, String pointer, String key, String valueKey, Findings findings) {
        JsonNode list = container.get(key);
        String at = JsonPointer.child(pointer, key);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            findings.at(INFO, doc, at, key + " must be a list of {name, " + valueKey + "} objects.");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (e.isObject() && e.size() == 2 && nonEmptyString(e, "name") && nonEmptyString(e, valueKey)) {
                continue; // the common case: exactly a name and a value, nothing to report
            }
            String entry = JsonPointer.child(at, i);
            if (!e.isObject()) {
                findings.at(INFO, doc, entry, key + " entries must be {name, " + valueKey + "} objects.");
                continue;
            }
            Set<String> extra = new TreeSet<>(e.propertyNames());
            extra.removeAll(Set.of("name", valueKey));
            for (String x : extra) {
                findings.atKey(INFO, doc, JsonPointer.child(entry, x), "unknown key " + x + " in a " + key
                        + " entry; it has only name and " + valueKey + ".");
            }
            requireString(doc, e, entry, "name", findings);
            requireString(doc, e, entry, valueKey, findings);
        }
    }

    private static boolean nonEmptyString(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && v.isString() && !v.stringValue().isEmpty();
    }

    private void requireString(LocatedDocument doc, JsonNode node, String pointer, String key, Findings findings) {
        JsonNode v = node.get(key);
        if (v == null) {
            findings.at(INFO, doc, pointer, "missing " + key + ".");
        } else if (!v.isString() || v.stringValue().isEmpty()) {
            findings.at(INFO, doc, JsonPointer.child(pointer, key), key + " must be a non-empty string.");
        }
    }
}
