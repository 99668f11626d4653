package com.amply.policysuite.rules.secrets;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** Every catalog secret names the JSON Schema of its payload, a .json file under schemas/. */
public final class CatalogSecretNamesSchema implements Rule {
    static final RuleInfo INFO = new RuleInfo("SEC001", "Catalog secret names a schema file", Severity.ERROR,
            "A secret whose payload has the wrong shape breaks the service at deploy time. Every secret's shape is"
                    + " written down as a JSON Schema so that payloads can be validated before they are stored.",
            Docs.SECRETS_BEST_PRACTICES);

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
            if (s.schema() == null) {
                findings.at(INFO, repository.suiteDocument(), s.pointer(), "catalog secret " + s.name()
                        + " names no schema; add schema: schemas/" + s.name() + ".schema.json.");
            } else if (!s.schema().startsWith("schemas/") || !s.schema().endsWith(".json") || s.schema().contains("..")) {
                findings.at(INFO, repository.suiteDocument(), s.pointer() + "/schema", "schema of " + s.name()
                        + " must be a .json file under schemas/, such as schemas/" + s.name() + ".schema.json.");
            }
        }
    }
}
