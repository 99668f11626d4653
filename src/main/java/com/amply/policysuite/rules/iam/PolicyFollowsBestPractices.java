package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.policy.PolicyIssue.FindingType;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * Resource ARNs match a resource type some listed action supports, and condition keys apply to the actions they
 * guard. Warnings: the statement still parses, but part of it grants nothing.
 */
public final class PolicyFollowsBestPractices implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM005", "Policy statements grant what they name", Severity.WARNING,
            "An ARN no listed action can act on, or a condition key none of the actions carries, is dead weight at"
                    + " best and a misunderstanding at worst: the statement does not do what its author meant.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        PolicyIssues.report(INFO, repository, findings, issue -> !issue.issueCode().grammar()
                && (issue.findingType() == FindingType.WARNING || issue.findingType() == FindingType.SUGGESTION));
    }
}
