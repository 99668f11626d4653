package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** Every file under policies/ is listed by a role in suite.yaml. */
public final class PolicyFileBelongsToRole implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM001", "Policy file belongs to a declared role", Severity.WARNING,
            "A policy file no role lists is either dead or attached by hand somewhere, unchecked by the role rules."
                    + " It is still parsed and linted, and flagged so that someone decides.",
            Docs.IAM_GRAMMAR);

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
        for (String file : repository.filesChecked()) {
            if (file.startsWith(RepositoryModel.POLICIES + "/") && suite.policyOwner(file).isEmpty()) {
                findings.add(INFO, file, "", SourcePosition.START, "no role in suite.yaml lists this policy; add it to a"
                        + " role's policies or delete it.");
            }
        }
    }
}
