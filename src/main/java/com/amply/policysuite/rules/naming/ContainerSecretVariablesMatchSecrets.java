package com.amply.policysuite.rules.naming;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretArn;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * A container's secret variable is UPPER_SNAKE and named after its secret: {@code DATABASE_URL} for
 * {@code database-url}, or {@code CHECKPOINT_SIGNING_KEY_PRIVATE_KEY} for the {@code private_key} JSON key of
 * {@code checkpoint-signing-key}.
 */
public final class ContainerSecretVariablesMatchSecrets implements Rule {
    static final RuleInfo INFO = new RuleInfo("NAME002", "Container secret variables are UPPER_SNAKE and match the secret",
            Severity.ERROR,
            "When STRIPE_SECRET_KEY is filled from amply/prod/stripe-webhook-secret the service starts and fails later"
                    + " in production. Deriving the variable name from the secret name makes a swapped reference visible.",
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
                String variable = ref.variable().name();
                if (variable == null) {
                    continue;
                }
                if (!SecretName.isUpperSnake(variable)) {
                    findings.at(INFO, td.document(), ref.variable().namePointer(), "secret variable " + variable
                            + " must be UPPER_SNAKE_CASE, such as " + variable.toUpperCase(java.util.Locale.ROOT)
                            .replaceAll("[^A-Z0-9]+", "_") + ".");
                    continue;
                }
                SecretArn arn = ref.arn().orElse(null);
                SecretName name = ref.name().orElse(null);
                if (arn == null || name == null || !SecretName.isKebab(name.name())) {
                    continue;
                }
                String expected = SecretName.variableName(name.name());
                String withKey = arn.jsonKey() == null ? null
                        : expected + "_" + arn.jsonKey().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
                if (!variable.equals(expected) && !variable.equals(withKey)) {
                    findings.at(INFO, td.document(), ref.variable().namePointer(), "secret variable " + variable
                            + " does not match secret " + name + "; name it " + (withKey != null ? withKey : expected) + ".");
                }
            }
        }
    }
}
