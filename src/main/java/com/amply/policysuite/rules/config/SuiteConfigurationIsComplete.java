package com.amply.policysuite.rules.config;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** Every key of suite.yaml is known, every required field is there, and every reference resolves. */
public final class SuiteConfigurationIsComplete implements Rule {
    static final RuleInfo INFO = new RuleInfo("CFG001", "Suite configuration is complete and consistent", Severity.ERROR,
            "A typo in suite.yaml (an unknown key, an environment that isn't declared, a role without a kind) would"
                    + " silently switch a check off. The configuration is read strictly instead.",
            Docs.SUITE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (ConfigProblem p : repository.configProblems()) {
            findings.at(INFO, repository.suiteDocument(), p.pointer(), p.message() + ".");
        }
    }
}
