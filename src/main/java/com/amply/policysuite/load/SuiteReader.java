package com.amply.policysuite.load;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import com.amply.policysuite.model.RoleKind;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Rotation;
import com.amply.policysuite.model.SecretReader;
import com.amply.policysuite.model.ServiceSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SeverityOverride;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.Suite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the suite configuration strictly: unknown keys, missing fields, wrong types and references to
 * undeclared environments or services are problems located by pointer. It always returns a {@link Suite}
 * built from what could be read, so that the other rules still run.
 */
public final class SuiteReader {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    // checked once per entry of thousands: made once
    private static final Set<String> SERVICE_KEYS = Set.of("name", "environments");
    private static final Set<String> ROLE_KEYS = Set.of("name", "kind", "environment", "service", "reads", "policies");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private final List<ConfigProblem> problems = new ArrayList<>();

    /** The configuration and what is wrong with it. */
    public record Result(Suite suite, List<ConfigProblem> problems) {
    }

    public static Result read(LocatedDocument document) {
        SuiteReader reader = new SuiteReader();
        Suite suite = reader.suite(document.root());
        return new Result(suite, List.copyOf(reader.problems));
    }

    private Suite suite(JsonNode root) {
        if (!root.isObject()) {
            problem("", "the suite configuration must be a mapping with app, account, region, environments, services, secrets and roles");
            return new Suite("", "aws", "", "", List.of(), List.of(), List.of(), List.of());
        }
        onlyKeys(root, "", Set.of("app", "partition", "account", "region", "environments", "services", "secrets", "roles", "rules"));
        String app = word(root, "", "app", true);
        String partition = root.has("partition") ? text(root, "", "partition", true) : "aws";
        String account = text(root, "", "account", true);
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            problem("/account", "account must be a 12-digit AWS account id in quotes, such as \"123456789012\"");
        }
        String region = text(root, "", "region", true);
        if (region != null && !REGION.matcher(region).matches()) {
            problem("/region", "region must be an AWS region code such as eu-central-1");
        }
        List<String> environments = words(root, "", "environments", true);
        Set<String> envs = new HashSet<>(environments);

        List<ServiceSpec> services = new ArrayList<>();
        Set<String> serviceNames = new HashSet<>();
        for (Entry e : entries(root, "services")) {
            onlyKeys(e.node, e.pointer, SERVICE_KEYS);
            String name = word(e.node, e.pointer, "name", true);
            List<String> serviceEnvs = e.node.has("environments") ? words(e.node, e.pointer, "environments", true) : environments;
            knownEnvironments(serviceEnvs, envs, e.pointer + "/environments");
            if (name != null && !serviceNames.add(name)) {
                problem(e.pointer + "/name", "service " + name + " is declared twice");
            }
            if (name != null) {
                services.add(new ServiceSpec(name, serviceEnvs, e.pointer));
            }
        }

        List<CatalogSecret> secrets = new ArrayList<>();
        Set<String> secretNames = new HashSet<>();
        for (Entry e : entries(root, "secrets")) {
            onlyKeys(e.node, e.pointer, Set.of("name", "purpose", "rotation", "schema", "environments", "readBy", "kmsKeyArn"));
            String name = text(e.node, e.pointer, "name", true);
            String purpose = text(e.node, e.pointer, "purpose", true);
            Rotation rotation = rotation(e.node, e.pointer);
            String schema = e.node.has("schema") ? text(e.node, e.pointer, "schema", true) : null;
            List<String> secretEnvs = e.node.has("environments") ? words(e.node, e.pointer, "environments", true) : environments;
            knownEnvironments(secretEnvs, envs, e.pointer + "/environments");
            String readByWord = text(e.node, e.pointer, "readBy", true);
            SecretReader readBy = readByWord == null ? null : SecretReader.of(readByWord);
            if (readByWord != null && readBy == null) {
                problem(e.pointer + "/readBy", "readBy must be ecs (injected by ECS through the execution role) or app"
                        + " (read by application code through the task role)");
            }
            String kms = e.node.has("kmsKeyArn") ? text(e.node, e.pointer, "kmsKeyArn", true) : null;
            if (name != null && !secretNames.add(name)) {
                problem(e.pointer + "/name", "secret " + name + " is declared twice");
            }
            if (name != null) {
                secrets.add(new CatalogSecret(name, purpose, rotation, schema, secretEnvs, readBy, kms, e.pointer));
            }
        }

        List<RoleSpec> roles = new ArrayList<>();
        Set<String> roleNames = new HashSet<>();
        for (Entry e : entries(root, "roles")) {
            onlyKeys(e.node, e.pointer, ROLE_KEYS);
            String name = text(e.node, e.pointer, "name", true);
            String kindWord = text(e.node, e.pointer, "kind", true);
            RoleKind kind = kindWord == null ? null : RoleKind.of(kindWord);
            if (kindWord != null && kind == null) {
                problem(e.pointer + "/kind", "kind must be one of ecs-task, ecs-execution, ci, drift-check");
            }
            boolean ecs = kind == RoleKind.ECS_TASK || kind == RoleKind.ECS_EXECUTION;
            String environment = null;
            String service = null;
            List<String> reads = List.of();
            if (ecs) {
                environment = word(e.node, e.pointer, "environment", true);
                if (environment != null && !envs.contains(environment)) {
                    problem(e.pointer + "/environment", "environment " + environment + " is not one of " + environments);
                }
                service = word(e.node, e.pointer, "service", true);
                if (service != null && !serviceNames.contains(service)) {
                    problem(e.pointer + "/service", "service " + service + " is not declared under services");
                }
                forbid(e.node, e.pointer, "reads", "an ECS role belongs to one environment; use environment, not reads");
            } else if (kind != null) {
                reads = words(e.node, e.pointer, "reads", true);
                knownEnvironments(reads, envs, e.pointer + "/reads");
                forbid(e.node, e.pointer, "environment", "a " + kind.word() + " role lists the environments it may read under reads");
                forbid(e.node, e.pointer, "service", "only ECS roles belong to a service");
            }
            List<String> policies = strings(e.node, e.pointer, "policies", true);
            for (int i = 0; i < policies.size(); i++) {
                String p = policies.get(i);
                if (!p.startsWith("policies/") || !p.endsWith(".json") || p.contains("..")) {
                    problem(e.pointer + "/policies/" + i, "policy files must be JSON files under policies/, such as policies/prod/api-task.json");
                }
            }
            if (name != null && !roleNames.add(name)) {
                problem(e.pointer + "/name", "role " + name + " is declared twice");
            }
            if (name != null && kind != null) {
                roles.add(new RoleSpec(name, kind, environment, service, reads, policies, e.pointer));
            }
        }
        return new Suite(app == null ? "" : app, partition == null ? "aws" : partition, account == null ? "" : account,
                region == null ? "" : region, environments, services, secrets, roles, severityOverrides(root));
    }

    /**
     * The optional {@code rules:} mapping of rule id to severity. Only its shape is checked here; whether each id
     * names a rule whose severity may change is checked by CFG001, which knows the catalog.
     */
    private List<SeverityOverride> severityOverrides(JsonNode root) {
        List<SeverityOverride> out = new ArrayList<>();
        JsonNode rules = root.get("rules");
        if (rules == null) {
            return out;
        }
        if (!rules.isObject()) {
            problem("/rules", "rules must be a mapping of rule id to severity, such as {TD007: warning}");
            return out;
        }
        for (String id : rules.propertyNames()) {
            String at = JsonPointer.child("/rules", id);
            JsonNode v = rules.get(id);
            Severity severity = v.isString() ? Severity.of(v.stringValue()) : null;
            if (severity == null) {
                problem(at, "severity of " + id + " must be error, warning or info");
            } else {
                out.add(new SeverityOverride(id, severity, at));
            }
        }
        return out;
    }

    private Rotation rotation(JsonNode node, String pointer) {
        JsonNode r = node.get("rotation");
        String at = pointer + "/rotation";
        String usage = "rotation must be manual, annual, or {automatic: DAYS} with DAYS from 1 to 1000";
        if (r == null) {
            problem(pointer, "secret has no rotation; " + usage);
            return null;
        }
        if (r.isString() && r.stringValue().equals("manual")) {
            return new Rotation.Manual();
        }
        if (r.isString() && r.stringValue().equals("annual")) {
            return new Rotation.Annual();
        }
        if (r.isObject() && r.size() == 1 && r.has("automatic") && r.get("automatic").canConvertToInt()
                && r.get("automatic").isIntegralNumber()) {
            int days = r.get("automatic").asInt();
            if (days >= 1 && days <= 1000) {
                return new Rotation.Automatic(days);
            }
        }
        problem(at, usage);
        return null;
    }

    private record Entry(JsonNode node, String pointer) {
    }

    private List<Entry> entries(JsonNode root, String key) {
        JsonNode list = root.get(key);
        String pointer = JsonPointer.child("", key);
        List<Entry> out = new ArrayList<>();
        if (list == null) {
            problem("", "the configuration has no " + key + " list");
            return out;
        }
        if (!list.isArray()) {
            problem(pointer, key + " must be a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = JsonPointer.child(pointer, i);
            if (!list.get(i).isObject()) {
                problem(p, "each entry of " + key + " must be a mapping");
            } else {
                out.add(new Entry(list.get(i), p));
            }
        }
        return out;
    }

    private void onlyKeys(JsonNode node, String pointer, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problem(JsonPointer.child(pointer, name), "unknown key " + name + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private void forbid(JsonNode node, String pointer, String key, String why) {
        if (node.has(key)) {
            problem(JsonPointer.child(pointer, key), why);
        }
    }

    private String text(JsonNode node, String pointer, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null) {
            if (required) {
                problem(pointer, "missing " + key);
            }
            return null;
        }
        if (!v.isString() || v.stringValue().isBlank()) {
            problem(JsonPointer.child(pointer, key), key + " must be a non-empty string");
            return null;
        }
        return v.stringValue();
    }

    private String word(JsonNode node, String pointer, String key, boolean required) {
        String v = text(node, pointer, key, required);
        if (v != null && !SecretName.isKebab(v)) {
            problem(JsonPointer.child(pointer, key), key + " must be lower-case kebab-case (letters, digits and single hyphens)");
        }
        return v;
    }

    private List<String> strings(JsonNode node, String pointer, String key, boolean required) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            if (required) {
                problem(pointer, "missing " + key);
            }
            return out;
        }
        if (!v.isArray()) {
            problem(JsonPointer.child(pointer, key), key + " must be a list of strings");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isString()) {
                problem(JsonPointer.child(JsonPointer.child(pointer, key), i), key + " entries must be strings");
            } else {
                out.add(v.get(i).stringValue());
            }
        }
        return out;
    }

    private List<String> words(JsonNode node, String pointer, String key, boolean required) {
        List<String> out = strings(node, pointer, key, required);
        for (int i = 0; i < out.size(); i++) {
            if (!SecretName.isKebab(out.get(i))) {
                problem(JsonPointer.child(JsonPointer.child(pointer, key), i), key + " entries must be lower-case kebab-case");
            }
        }
        return out;
    }

    private void knownEnvironments(List<String> list, Set<String> envs, String pointer) {
        for (int i = 0; i < list.size(); i++) {
            if (!envs.contains(list.get(i))) {
                problem(JsonPointer.child(pointer, i), "environment " + list.get(i) + " is not declared under environments");
            }
        }
    }

    private void problem(String pointer, String message) {
        problems.add(new ConfigProblem(pointer, message));
    }
}
