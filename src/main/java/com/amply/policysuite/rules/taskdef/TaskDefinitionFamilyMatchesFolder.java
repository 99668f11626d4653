package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** The environment in a task definition's family name is the environment of its folder. */
public final class TaskDefinitionFamilyMatchesFolder implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD004", "Task definition family matches its folder's environment",
            Severity.ERROR,
            "The folder decides which environment's rules apply; a family named for another environment means the"
                    + " file was copied without being adapted, and it would be registered over the other environment's"
                    + " family.",
            Docs.ECS_TASK_DEFINITION);

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
        for (TaskDefinition td : repository.taskDefinitions()) {
            String env = td.environment(suite).orElse(null);
            if (env == null || td.family() == null) {
                continue;
            }
            FamilyName.parse(td.family().value(), suite)
                    .filter(parts -> !parts.environment().equals(env))
                    .ifPresent(parts -> findings.at(INFO, td.document(), td.family().pointer(), "family "
                            + td.family().value() + " is for " + parts.environment() + " but the file is under "
                            + "task-definitions/" + env + "/; use " + suite.familyName(env, parts.service()) + "."));
        }
    }
}
