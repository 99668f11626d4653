package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.FileKind;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.Unparseable;

/** Every file under policies/ is strict, bounded JSON. */
public final class PolicyParses implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM000", "IAM policy could not be parsed", Severity.ERROR,
            "A policy that can't be parsed is a finding, not a pass. Duplicate keys are rejected: IAM keeps one of"
                    + " them, so a reviewer may read a different policy from the one AWS enforces.",
            Docs.IAM_GRAMMAR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Unparseable.report(INFO, FileKind.POLICY, repository, findings);
    }
}
