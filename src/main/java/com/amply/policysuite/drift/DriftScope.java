package com.amply.policysuite.drift;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the drift check reads for one environment, derived from the repository.
 *
 * @param environment    {@code prod}
 * @param secretPrefix   {@code amply/prod/}: every live secret under it is either in the catalog or unmanaged
 * @param catalogSecrets catalog secrets of this environment by full name ({@code amply/prod/database-url})
 * @param familyPrefix   {@code amply-prod-}: every live family under it is either in the repository or unmanaged
 * @param taskDefinitions the repository's task definitions of this environment by family
 * @param roles          the roles compared in this environment: its ECS roles, and the CI and drift-check roles
 *                       whose {@code reads} list it (so each environment's report is complete on its own)
 */
public record DriftScope(String environment, String secretPrefix, Map<String, CatalogSecret> catalogSecrets,
                         String familyPrefix, Map<String, TaskDefinition> taskDefinitions, List<RoleSpec> roles) {

    public DriftScope {
        catalogSecrets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(catalogSecrets));
        taskDefinitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(taskDefinitions));
        roles = List.copyOf(roles);
    }

    public static DriftScope of(RepositoryModel repository, String environment) {
        Suite suite = repository.suite();
        Map<String, CatalogSecret> secrets = new LinkedHashMap<>();
        for (CatalogSecret s : suite.secrets()) {
            if (s.environments().contains(environment)) {
                secrets.put(suite.app() + "/" + environment + "/" + s.name(), s);
            }
        }
        Map<String, TaskDefinition> families = new LinkedHashMap<>();
        for (TaskDefinition td : repository.taskDefinitions()) {
            if (environment.equals(td.folderEnvironment()) && td.family() != null) {
                families.putIfAbsent(td.family().value(), td);
            }
        }
        List<RoleSpec> roles = new ArrayList<>();
        for (RoleSpec r : suite.roles()) {
            if (environment.equals(r.environment()) || (r.environment() == null && r.reads().contains(environment))) {
                roles.add(r);
            }
        }
        return new DriftScope(environment, suite.app() + "/" + environment + "/", secrets,
                suite.app() + "-" + environment + "-", families, roles);
    }
}
