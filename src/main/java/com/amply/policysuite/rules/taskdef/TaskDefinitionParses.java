package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.FileKind;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.Unparseable;

/** Every file under task-definitions/ is strict, bounded JSON or YAML. */
public final class TaskDefinitionParses implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD000", "Task definition could not be parsed", Severity.ERROR,
            "A task definition that can't be parsed can't be checked, so it must not pass. Duplicate keys are rejected"
                    + " because ECS would silently keep one of the values.",
            Docs.ECS_REGISTER);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Unparseable.report(INFO, FileKind.TASK_DEFINITION, repository, findings);
    }
}
