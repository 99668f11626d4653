package com.amply.policysuite.rules.secrets;

import com.amply.policysuite.model.CatalogSecret;
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
import java.util.Set;

/**
 * A {@code valueFrom} with a json-key ({@code ...:secret:amply/prod/checkpoint-signing-key-AbCdEf:private_key::})
 * names a property the secret's schema requires in that environment.
 */
public final class JsonKeysNameRequiredProperties implements Rule {
    static final RuleInfo INFO = new RuleInfo("SEC003", "Secret json-keys name properties the schema requires",
            Severity.ERROR,
            "ECS fails the task at start when the json-key is not in the secret's JSON, and a key the schema merely"
                    + " allows may be absent. Only a required property is guaranteed to be there.",
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
                SecretArn arn = ref.arn().orElse(null);
                SecretName name = ref.name().orElse(null);
                if (arn == null || arn.jsonKey() == null || name == null) {
                    continue;
                }
                CatalogSecret secret = suite.secret(name.name()).orElse(null);
                SecretSchemaDocument schema = secret == null ? null : SecretSchemaDocument.of(secret, repository).orElse(null);
                if (schema == null) {
                    continue; // TD006, SEC001 and SEC002 report the missing pieces
                }
                if (!schema.jsonPayload()) {
                    findings.at(INFO, td.document(), ref.valueFromPointer(), "secret " + name + " holds a plain string,"
                            + " so json-key " + arn.jsonKey() + " selects nothing; remove :" + arn.jsonKey() + "::.");
                    continue;
                }
                Set<String> required = schema.requiredProperties(name.environment());
                if (!required.contains(arn.jsonKey())) {
                    findings.at(INFO, td.document(), ref.valueFromPointer(), "json-key " + arn.jsonKey() + " is not a"
                            + " property " + schema.file() + " requires in " + name.environment() + "; use one of "
                            + required + ".");
                }
            }
        }
    }
}
