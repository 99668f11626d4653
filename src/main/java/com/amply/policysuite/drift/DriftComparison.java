package com.amply.policysuite.drift;

import com.amply.policysuite.drift.PolicyEquivalence.LabelledPolicy;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Rotation;
import com.amply.policysuite.model.SecretArn;
import com.amply.policysuite.model.TaskDefinition.Container;
import com.amply.policysuite.model.TaskDefinition.Variable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drift check itself: the repository's view of one environment and a live snapshot in, drift items out. Pure:
 * no I/O, no AWS types, no clock (the caller passes {@code now}).
 */
public final class DriftComparison {
    /** An annual secret must have changed within this many days. */
    public static final int ANNUAL_DAYS = 365;
    /** Slack after an automatic rotation's period before the secret counts as overdue (a failed rotation retries). */
    public static final int AUTOMATIC_GRACE_DAYS = 7;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RepositoryModel repository;
    private final PolicyEquivalence equivalence;
    private final Instant now;

    public DriftComparison(RepositoryModel repository, PolicyEquivalence equivalence, Instant now) {
        this.repository = repository;
        this.equivalence = equivalence;
        this.now = now;
    }

    /** Every difference between {@code scope} (the repository) and {@code live}, in {@link DriftItem#ORDER}. */
    public List<DriftItem> compare(DriftScope scope, LiveEnvironment live) {
        List<DriftItem> out = new ArrayList<>();
        secrets(scope, live, out);
        taskDefinitions(scope, live, out);
        roles(scope, live, out);
        out.sort(DriftItem.ORDER);
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- secrets

    private void secrets(DriftScope scope, LiveEnvironment live, List<DriftItem> out) {
        Map<String, LiveEnvironment.Secret> byName = new LinkedHashMap<>();
        for (LiveEnvironment.Secret s : live.secrets()) {
            if (s.name().startsWith(scope.secretPrefix())) {
                byName.put(s.name(), s);
            }
        }
        for (Map.Entry<String, CatalogSecret> e : scope.catalogSecrets().entrySet()) {
            String name = e.getKey();
            String resource = DriftItem.secret(name);
            LiveEnvironment.Secret s = byName.get(name);
            if (s == null) {
                out.add(new DriftItem(DriftKind.MISSING, resource, "the catalog (suite.yaml) declares it; the account"
                        + " has no such secret"));
                continue;
            }
            if (s.deletedDate() != null) {
                out.add(new DriftItem(DriftKind.MISSING, resource, "scheduled for deletion on " + day(s.deletedDate())
                        + " and unreadable until then; restore it (restore-secret) or remove it from the catalog"));
                continue;
            }
            rotation(e.getValue().rotation(), s, resource, out);
            if (live.payloads() != null) {
                LiveEnvironment.PayloadCheck check = live.payloads().get(name);
                if (check != null && !check.problems().isEmpty()) {
                    out.add(new DriftItem(DriftKind.CHANGED, resource, "payload does not match "
                            + e.getValue().schema() + " for " + scope.environment() + ": "
                            + String.join("; ", check.problems())));
                }
            }
        }
        for (LiveEnvironment.Secret s : byName.values()) {
            if (!scope.catalogSecrets().containsKey(s.name())) {
                out.add(new DriftItem(DriftKind.UNMANAGED, DriftItem.secret(s.name()), "not in the catalog (suite.yaml"
                        + " secrets)" + (s.deletedDate() != null ? "; scheduled for deletion on " + day(s.deletedDate())
                        : "; add it to the catalog or delete it")));
            }
        }
    }

    private void rotation(Rotation rotation, LiveEnvironment.Secret s, String resource, List<DriftItem> out) {
        Integer days = rotation instanceof Rotation.Automatic a ? a.days() : null;
        if (days == null && s.rotationEnabled()) {
            out.add(new DriftItem(DriftKind.CHANGED, resource, "automatic rotation is on live"
                    + (s.rotationDays() != null ? " (every " + s.rotationDays() + " days)" : "")
                    + "; the catalog says " + rotation.describe()));
        } else if (days != null && !s.rotationEnabled()) {
            out.add(new DriftItem(DriftKind.CHANGED, resource, "automatic rotation is off live; the catalog says "
                    + rotation.describe()));
        } else if (days != null && !days.equals(s.rotationDays())) {
            out.add(new DriftItem(DriftKind.CHANGED, resource, "rotates "
                    + (s.rotationDays() != null ? "every " + s.rotationDays() + " days" : "on a schedule expression")
                    + " live; the catalog says " + rotation.describe()));
        }
        Integer allowed = rotation instanceof Rotation.Annual ? Integer.valueOf(ANNUAL_DAYS)
                : days != null ? Integer.valueOf(days + AUTOMATIC_GRACE_DAYS) : null;
        if (allowed != null && s.lastChanged() != null) {
            long age = Duration.between(s.lastChanged(), now).toDays();
            if (age > allowed) {
                out.add(new DriftItem(DriftKind.OVERDUE, resource, "last changed on " + day(s.lastChanged()) + ", "
                        + age + " days ago; " + rotation.describe() + " rotation allows " + allowed + " days"
                        + (days != null ? " (" + days + " + " + AUTOMATIC_GRACE_DAYS + " days' grace)" : "")));
            }
        }
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    // ---------------------------------------------------------------- task definitions

    private void taskDefinitions(DriftScope scope, LiveEnvironment live, List<DriftItem> out) {
        Set<String> liveFamilies = new LinkedHashSet<>(live.families());
        for (Map.Entry<String, com.amply.policysuite.model.TaskDefinition> e : scope.taskDefinitions().entrySet()) {
            String family = e.getKey();
            String resource = DriftItem.taskDefinition(family);
            LiveEnvironment.TaskDefinition actual = live.taskDefinitions().get(family);
            if (actual == null) {
                out.add(new DriftItem(DriftKind.MISSING, resource, e.getValue().file() + " declares it; the account has"
                        + " no ACTIVE revision of this family"));
                continue;
            }
            compareTaskDefinition(e.getValue(), actual, resource, out);
        }
        for (String family : liveFamilies) {
            if (family.startsWith(scope.familyPrefix()) && !scope.taskDefinitions().containsKey(family)) {
                out.add(new DriftItem(DriftKind.UNMANAGED, DriftItem.taskDefinition(family), "has ACTIVE revisions"
                        + " live but no file under task-definitions/" + scope.environment() + "/"));
            }
        }
    }

    private void compareTaskDefinition(com.amply.policysuite.model.TaskDefinition expected,
                                       LiveEnvironment.TaskDefinition actual, String resource, List<DriftItem> out) {
        String at = "revision " + actual.revision() + " ";
        roleArn("taskRoleArn", expected.taskRoleArn(), actual.taskRoleArn(), at, resource, out);
        roleArn("executionRoleArn", expected.executionRoleArn(), actual.executionRoleArn(), at, resource, out);
        Map<String, LiveEnvironment.Container> liveContainers = new LinkedHashMap<>();
        actual.containers().forEach(c -> liveContainers.put(c.name(), c));
        Set<String> seen = new TreeSet<>();
        for (Container c : expected.containers()) {
            String name = String.valueOf(c.name());
            seen.add(name);
            LiveEnvironment.Container lc = liveContainers.get(name);
            if (lc == null) {
                out.add(new DriftItem(DriftKind.CHANGED, resource, at + "has no container " + name + "; "
                        + expected.file() + " declares it"));
                continue;
            }
            containerSecrets(c, lc, at + "container " + name + ": ", resource, out);
            Set<String> expectedEnv = new TreeSet<>();
            c.environment().forEach(v -> expectedEnv.add(String.valueOf(v.name())));
            Set<String> liveEnv = new TreeSet<>(lc.environmentNames());
            difference(liveEnv, expectedEnv).forEach(n -> out.add(new DriftItem(DriftKind.CHANGED, resource,
                    at + "container " + name + ": environment variable " + n + " is set live but not in "
                            + expected.file())));
            difference(expectedEnv, liveEnv).forEach(n -> out.add(new DriftItem(DriftKind.CHANGED, resource,
                    at + "container " + name + ": environment variable " + n + " from " + expected.file()
                            + " is not set live")));
        }
        for (String name : liveContainers.keySet()) {
            if (!seen.contains(name)) {
                out.add(new DriftItem(DriftKind.CHANGED, resource, at + "has a container " + name + " that "
                        + expected.file() + " does not declare"));
            }
        }
    }

    private void containerSecrets(Container expected, LiveEnvironment.Container actual, String at, String resource,
                                  List<DriftItem> out) {
        Predicate<String> known = repository.suite()::isCatalogSecret;
        Map<String, String> want = new LinkedHashMap<>();
        for (Variable v : expected.secrets()) {
            want.put(String.valueOf(v.name()), v.value());
        }
        for (Map.Entry<String, String> e : want.entrySet()) {
            String variable = e.getKey();
            if (!actual.secrets().containsKey(variable)) {
                out.add(new DriftItem(DriftKind.CHANGED, resource, at + "secret " + variable + " ("
                        + secretLabel(e.getValue(), known) + ") is not set live"));
                continue;
            }
            String liveFrom = actual.secrets().get(variable);
            if (!Objects.equals(withoutSuffix(e.getValue(), known), withoutSuffix(liveFrom, known))) {
                out.add(new DriftItem(DriftKind.CHANGED, resource, at + "secret " + variable + " reads "
                        + secretLabel(liveFrom, known) + " live; the repository says " + secretLabel(e.getValue(), known)));
            }
        }
        for (Map.Entry<String, String> e : actual.secrets().entrySet()) {
            if (!want.containsKey(e.getKey())) {
                out.add(new DriftItem(DriftKind.CHANGED, resource, at + "secret " + e.getKey() + " ("
                        + secretLabel(e.getValue(), known) + ") is set live but not in the repository"));
            }
        }
    }

    /**
     * A {@code valueFrom} without the secret's 6-character random suffix (each account's ARNs have their own), with
     * its JSON key, version stage and version id; other values (SSM parameters) unchanged.
     */
    static String withoutSuffix(String valueFrom, Predicate<String> knownName) {
        if (valueFrom == null) {
            return null;
        }
        if (SecretArn.parse(valueFrom, knownName) instanceof SecretArn.Parse.Ok ok) {
            SecretArn a = ok.arn();
            String base = "arn:" + a.arn().partition() + ":secretsmanager:" + a.arn().region() + ":" + a.arn().account()
                    + ":secret:" + a.secretName();
            boolean fields = a.jsonKey() != null || a.versionStage() != null || a.versionId() != null;
            return fields ? base + ":" + nz(a.jsonKey()) + ":" + nz(a.versionStage()) + ":" + nz(a.versionId()) : base;
        }
        return valueFrom;
    }

    private static String secretLabel(String valueFrom, Predicate<String> knownName) {
        if (valueFrom != null && SecretArn.parse(valueFrom, knownName) instanceof SecretArn.Parse.Ok ok) {
            SecretArn a = ok.arn();
            return a.secretName() + (a.jsonKey() != null ? " key " + a.jsonKey() : "");
        }
        return String.valueOf(valueFrom);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void roleArn(String field, Located expected, String actual, String at, String resource,
                                List<DriftItem> out) {
        String want = expected == null ? null : expected.value();
        if (!Objects.equals(want, actual)) {
            out.add(new DriftItem(DriftKind.CHANGED, resource, at + field + " is " + (actual == null ? "not set" : actual)
                    + " live; the repository says " + (want == null ? "none" : want)));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    // ---------------------------------------------------------------- roles

    private void roles(DriftScope scope, LiveEnvironment live, List<DriftItem> out) {
        Map<String, Policy> policies = new LinkedHashMap<>();
        repository.policies().forEach(p -> policies.put(p.file(), p));
        for (RoleSpec role : scope.roles()) {
            String resource = DriftItem.role(role.name());
            LiveEnvironment.Role actual = live.roles().get(role.name());
            if (actual == null) {
                out.add(new DriftItem(DriftKind.MISSING, resource, "suite.yaml declares it; the account has no such role"));
                continue;
            }
            List<LabelledPolicy> expected = new ArrayList<>();
            for (String file : role.policies()) {
                Policy p = policies.get(file);
                if (p != null) {
                    expected.add(new LabelledPolicy(file, p.document().root()));
                }
            }
            List<LabelledPolicy> current = new ArrayList<>();
            boolean unreadable = false;
            for (LiveEnvironment.RolePolicy p : actual.policies()) {
                try {
                    current.add(new LabelledPolicy(p.origin(), JSON.readTree(p.document())));
                } catch (JacksonException e) {
                    unreadable = true;
                    out.add(new DriftItem(DriftKind.CHANGED, resource, p.origin() + " is not a JSON policy document"
                            + " after URL-decoding; its access could not be compared"));
                }
            }
            if (unreadable) {
                continue;
            }
            PolicyEquivalence.Verdict verdict = equivalence.compare(expected, current);
            if (!verdict.equivalent()) {
                List<String> differences = verdict.differences().isEmpty()
                        ? List.of("its policies grant different access than " + String.join(", ", role.policies()))
                        : verdict.differences();
                differences.forEach(d -> out.add(new DriftItem(DriftKind.CHANGED, resource, d)));
            }
        }
    }

    /** The policy files listed for {@code scope}'s roles that the repository could not load (check reports them). */
    public static List<String> unloadedPolicyFiles(RepositoryModel repository, DriftScope scope) {
        Set<String> loaded = new TreeSet<>();
        repository.policies().forEach(p -> loaded.add(p.file()));
        List<String> out = new ArrayList<>();
        for (RoleSpec r : scope.roles()) {
            for (String f : r.policies()) {
                if (!loaded.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
