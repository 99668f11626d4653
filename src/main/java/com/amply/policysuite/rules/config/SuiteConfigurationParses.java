package com.amply.policysuite.rules.config;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.FileKind;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.Unparseable;

/**
 * suite.yaml and waivers.yaml must be strict, bounded YAML. Without suite.yaml no secret or role can be checked;
 * without waivers.yaml nothing is waived.
 */
public final class SuiteConfigurationParses implements Rule {
    static final RuleInfo INFO = new RuleInfo("CFG000", "Configuration file could not be parsed", Severity.ERROR,
            "suite.yaml is the source of truth for environments, secrets and roles. If it can't be parsed strictly"
                    + " (syntax, duplicate keys, size and alias bounds, no object-building tags), every rule that needs"
                    + " it is blind, so the run fails. A waivers.yaml that can't be parsed waives nothing and fails the"
                    + " run too.",
            Docs.YAML);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Unparseable.report(INFO, FileKind.SUITE, repository, findings);
        Unparseable.report(INFO, FileKind.WAIVERS, repository, findings);
    }
}
