package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.ServiceSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * Every file under task-definitions/ lies in a declared environment's folder and is the task definition of a
 * service that suite.yaml declares for that environment. Anything else is an orphan nobody reviews.
 */
public final class TaskDefinitionBelongsToDeclaredService implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD005", "Task definition belongs to a declared service and environment",
            Severity.ERROR,
            "An orphan task definition (a stray folder, a service suite.yaml doesn't know) has no declared roles or"
                    + " secrets to be checked against, so it can drift unnoticed.",
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
            String folder = td.folderEnvironment();
            if (folder == null) {
                findings.at(INFO, td.document(), "", "task definitions must be in a folder per environment,"
                        + " task-definitions/<env>/, with env one of " + suite.environments() + ".");
                continue;
            }
            if (!suite.isEnvironment(folder)) {
                findings.at(INFO, td.document(), "", "folder task-definitions/" + folder + "/ is not a declared environment;"
                        + " use one of " + suite.environments() + " or declare it in suite.yaml.");
                continue;
            }
            if (td.family() == null) {
                continue;
            }
            var parts = FamilyName.parse(td.family().value(), suite).orElse(null);
            if (parts == null) {
                continue; // NAME003 reports a family that does not follow the convention
            }
            ServiceSpec service = suite.service(parts.service()).orElse(null);
            if (service == null) {
                findings.at(INFO, td.document(), td.family().pointer(), "service " + parts.service()
                        + " is not declared in suite.yaml; declare it under services or remove this orphan file.");
            } else if (!service.environments().contains(folder)) {
                findings.at(INFO, td.document(), td.family().pointer(), "service " + service.name()
                        + " is not declared for " + folder + " (it runs in " + service.environments()
                        + "); add the environment to the service or remove this file.");
            }
        }
    }
}
