package com.amply.policysuite.rules.naming;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * Role names say what the role is: {@code <app>-<env>-<service>-task}, {@code <app>-<env>-<service>-execution},
 * {@code <app>-ci-<purpose>} and {@code <app>-drift-check}.
 */
public final class RoleNamesFollowConvention implements Rule {
    static final RuleInfo INFO = new RuleInfo("NAME004", "Role names follow the convention for their kind", Severity.ERROR,
            "A role name that carries its environment and kind makes a wrong ARN in a task definition obvious in review,"
                    + " and lets trust and permission boundaries be written with name patterns.",
            Docs.ECS_TASK_ROLE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Suite suite = repository.suite();
        if (suite == null) {
            return;
        }
        for (RoleSpec role : suite.roles()) {
            String env = role.environment() == null ? "<env>" : role.environment();
            String service = role.service() == null ? "<service>" : role.service();
            if (!suite.followsRoleNaming(role.name(), role.kind(), env, service)) {
                String example = switch (role.kind()) {
                    case ECS_TASK -> suite.app() + "-" + env + "-" + service + "-task";
                    case ECS_EXECUTION -> suite.app() + "-" + env + "-" + service + "-execution";
                    case CI -> suite.app() + "-ci-<purpose>";
                    case DRIFT_CHECK -> suite.app() + "-drift-check";
                };
                findings.at(INFO, repository.suiteDocument(), role.pointer() + "/name", role.kind().word() + " role "
                        + role.name() + " does not follow the naming convention; name it " + example + ".");
            }
        }
    }
}
