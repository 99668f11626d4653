package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.CatalogSecret;
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

/** Every secret a task definition references is in the catalog, for that environment. */
public final class ReferencedSecretsAreInCatalog implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD006", "Referenced secrets are in the catalog", Severity.ERROR,
            "A secret that is not in the catalog has no schema, no rotation rule and no owner; ECS fails the"
                    + " deployment if it doesn't exist in that environment.",
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
            for (SecretReference ref : td.secretReferences()) {
                SecretName name = ref.name().orElse(null);
                if (name == null || !name.app().equals(suite.app()) || !suite.isEnvironment(name.environment())) {
                    continue; // NAME001 reports names off the convention
                }
                CatalogSecret secret = suite.secret(name.name()).orElse(null);
                if (secret == null) {
                    findings.at(INFO, td.document(), ref.valueFromPointer(), "secret " + name
                            + " is not in the catalog; add " + name.name() + " under secrets in suite.yaml.");
                } else if (!secret.environments().contains(name.environment())) {
                    findings.at(INFO, td.document(), ref.valueFromPointer(), "catalog secret " + name.name()
                            + " does not exist in " + name.environment() + " (only in " + secret.environments()
                            + "); add the environment to its entry in suite.yaml.");
                }
            }
        }
    }
}
