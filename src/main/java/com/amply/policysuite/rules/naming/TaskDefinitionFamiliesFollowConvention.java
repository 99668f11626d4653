package com.amply.policysuite.rules.naming;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.taskdef.FamilyName;

/** Task definition families are named {@code <app>-<env>-<service>}. */
public final class TaskDefinitionFamiliesFollowConvention implements Rule {
    static final RuleInfo INFO = new RuleInfo("NAME003", "Task definition families follow <app>-<env>-<service>",
            Severity.ERROR,
            "Families share one namespace per account and region. Putting the environment in the name keeps prod"
                    + " and staging revisions apart and lets the drift check map a live family back to its file.",
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
            if (td.family() == null) {
                continue;
            }
            String family = td.family().value();
            if (FamilyName.parse(family, suite).isEmpty() || !SecretName.isKebab(family)) {
                String env = td.environment(suite).orElse("<env>");
                findings.at(INFO, td.document(), td.family().pointer(), "family " + family + " does not follow "
                        + suite.app() + "-<env>-<service> (lower-case kebab-case); for example " + suite.app() + "-" + env
                        + "-api.");
            }
        }
    }
}
