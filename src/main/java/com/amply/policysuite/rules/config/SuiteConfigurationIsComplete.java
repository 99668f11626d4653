package com.amply.policysuite.rules.config;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SeverityOverride;
import com.amply.policysuite.rules.CheckRun;
import com.amply.policysuite.rules.LiveRules;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * Every key of suite.yaml is known, every required field is there, every reference resolves, and every severity
 * override under {@code rules:} names a rule whose severity may change.
 */
public final class SuiteConfigurationIsComplete implements Rule {
    static final RuleInfo INFO = new RuleInfo("CFG001", "Suite configuration is complete and consistent", Severity.ERROR,
            "A typo in suite.yaml (an unknown key, an environment that isn't declared, a role without a kind, a"
                    + " severity override for a rule that does not exist) would silently switch a check off. The"
                    + " configuration is read strictly instead.",
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
        if (repository.suite() == null) {
            return;
        }
        for (SeverityOverride o : repository.suite().severityOverrides()) {
            if (LiveRules.info(o.ruleId()).isEmpty()) {
                findings.atKey(INFO, repository.suiteDocument(), o.pointer(), "rules names " + o.ruleId()
                        + ", which is not a rule; use an id from 'policy-suite rules'.");
            } else if (!CheckRun.severityCanBeOverridden(o.ruleId())) {
                findings.atKey(INFO, repository.suiteDocument(), o.pointer(), "the severity of " + o.ruleId()
                        + " can't be overridden: parse failures and waiver problems always count as errors.");
            }
        }
    }
}
