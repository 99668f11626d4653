package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.policy.PolicyIssue.FindingType;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * Every service, action, condition operator and condition key a policy names exists, and resource ARNs are well
 * formed (AWS service authorization data bundled with the suite, see docs/iam-data.md).
 */
public final class PolicyNamesRealActionsAndResources implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM003", "Policy names real services, actions, ARNs and condition operators",
            Severity.ERROR,
            "A misspelt action (secretsmanager:GetSecretValu) or operator (StringEqualz) makes a statement grant or"
                    + " restrict nothing, silently: the service fails at run time while the policy looks right in review.",
            "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        PolicyIssues.report(INFO, repository, findings,
                issue -> issue.findingType() == FindingType.ERROR && !issue.issueCode().grammar());
    }
}
