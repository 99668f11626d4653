package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** A task definition injects only secrets of its own environment. */
public final class TaskDefinitionReferencesOwnEnvironment implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD002", "Task definition references only its own environment's secrets",
            Severity.ERROR,
            "A prod service reading a staging secret runs prod against staging data (or the reverse leaks prod"
                    + " credentials into a less protected environment). The environment comes from the file's folder.",
            Docs.ECS_SECRETS);

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
            if (env == null) {
                continue;
            }
            for (SecretReference ref : td.secretReferences()) {
                SecretName name = ref.name().orElse(null);
                if (name != null && suite.isEnvironment(name.environment()) && !name.environment().equals(env)) {
                    findings.at(INFO, td.document(), ref.valueFromPointer(), env + " task definition must not reference "
                            + name.environment() + " secret " + name + "; use "
                            + new SecretName(name.app(), env, name.name()) + ".");
                }
            }
        }
    }
}
