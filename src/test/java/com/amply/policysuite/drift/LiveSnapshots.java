package com.amply.policysuite.drift;

import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.TaskDefinition.Container;
import com.amply.policysuite.model.TaskDefinition.Variable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live snapshots that match a repository exactly, for tests to change one thing at a time. */
public final class LiveSnapshots {
    private LiveSnapshots() {
    }

    /** Each secret ARN's random suffix is replaced, as another account's ARNs would have their own. */
    public static LiveEnvironment matching(RepositoryModel model, DriftScope scope, Instant lastChanged) {
        List<LiveEnvironment.Secret> secrets = new ArrayList<>();
        scope.catalogSecrets().keySet().forEach(n -> secrets.add(new LiveEnvironment.Secret(n, false, null, lastChanged, null)));
        Map<String, LiveEnvironment.TaskDefinition> tds = new LinkedHashMap<>();
        scope.taskDefinitions().forEach((family, td) -> tds.put(family, taskDefinition(td, 3)));
        Map<String, Policy> policies = new LinkedHashMap<>();
        model.policies().forEach(p -> policies.put(p.file(), p));
        Map<String, LiveEnvironment.Role> roles = new LinkedHashMap<>();
        for (RoleSpec r : scope.roles()) {
            List<LiveEnvironment.RolePolicy> docs = new ArrayList<>();
            for (String f : r.policies()) {
                docs.add(new LiveEnvironment.RolePolicy("inline policy " + f.substring(f.lastIndexOf('/') + 1),
                        policies.get(f).document().root().toString()));
            }
            roles.put(r.name(), new LiveEnvironment.Role(r.name(), docs));
        }
        return new LiveEnvironment(scope.environment(), secrets, List.copyOf(scope.taskDefinitions().keySet()), tds,
                roles, null);
    }

    public static LiveEnvironment.TaskDefinition taskDefinition(com.amply.policysuite.model.TaskDefinition td, int revision) {
        List<LiveEnvironment.Container> containers = new ArrayList<>();
        for (Container c : td.containers()) {
            Map<String, String> secrets = new LinkedHashMap<>();
            for (Variable v : c.secrets()) {
                secrets.put(v.name(), v.value().replaceAll("-[A-Za-z0-9]{6}$", "-Zz9Yy8"));
            }
            List<String> env = new ArrayList<>();
            c.environment().forEach(v -> env.add(v.name()));
            containers.add(new LiveEnvironment.Container(c.name(), secrets, env));
        }
        return new LiveEnvironment.TaskDefinition(td.family().value(), revision, td.taskRoleArn().value(),
                td.executionRoleArn().value(), containers);
    }
}
