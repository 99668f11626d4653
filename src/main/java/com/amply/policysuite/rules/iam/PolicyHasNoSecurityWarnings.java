package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.policy.PolicyIssue.FindingType;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** No Allow with NotAction or NotResource, no {@code Resource "*"} on secrets actions, no iam:PassRole on "*". */
public final class PolicyHasNoSecurityWarnings implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM004", "Policy has no security warnings", Severity.ERROR,
            "Allow with NotAction/NotResource grants everything not listed, including what AWS adds later; a secrets"
                    + " action on \"*\" reaches every environment's secrets; iam:PassRole on \"*\" lets a role hand out any"
                    + " other role. Each defeats environment isolation.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        PolicyIssues.report(INFO, repository, findings, issue -> issue.findingType() == FindingType.SECURITY_WARNING);
    }
}
