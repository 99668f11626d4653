package com.amply.policysuite.rules.secrets;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.Set;

/**
 * The schema a catalog secret names exists, is a valid draft 2020-12 schema with only known keywords, and
 * defines every environment the secret lives in ({@code $defs/env-<env>}).
 */
public final class CatalogSecretSchemaIsUsable implements Rule {
    static final RuleInfo INFO = new RuleInfo("SEC002", "Catalog secret's schema exists and is usable", Severity.ERROR,
            "A missing or broken schema means payloads of that secret are never validated. A misspelt keyword would be"
                    + " ignored by a lenient validator, so unknown keywords make the schema unusable here.",
            "https://json-schema.org/draft/2020-12/json-schema-core");

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
        for (CatalogSecret s : suite.secrets()) {
            if (s.schema() == null || !s.schema().startsWith("schemas/") || !s.schema().endsWith(".json")) {
                continue; // SEC001
            }
            String at = s.pointer() + "/schema";
            String file = s.schema().substring("schemas/".length());
            if (!repository.schemaFiles().containsKey(file)) {
                findings.at(INFO, repository.suiteDocument(), at, "schema " + s.schema() + " of " + s.name()
                        + " does not exist (schemas are .schema.json files directly under schemas/); write it.");
                continue;
            }
            String name = SecretSchemaDocument.validatorName(s.schema());
            if (!s.name().equals(name)) {
                findings.at(INFO, repository.suiteDocument(), at, "schema of " + s.name() + " must be named schemas/"
                        + s.name() + ".schema.json: payloads are validated against the schema named after the secret.");
                continue;
            }
            String problem = repository.secretSchemas().schemaProblems().get(name);
            if (problem != null) {
                findings.at(INFO, repository.suiteDocument(), at, "schema " + s.schema() + " is unusable: " + problem + ".");
                continue;
            }
            Set<String> defined = repository.secretSchemas().environments(name);
            for (String env : s.environments()) {
                if (!defined.contains(env)) {
                    findings.at(INFO, repository.suiteDocument(), at, "schema " + s.schema() + " defines no $defs/env-"
                            + env + ", but " + s.name() + " exists in " + env + "; add it.");
                }
            }
        }
    }
}
