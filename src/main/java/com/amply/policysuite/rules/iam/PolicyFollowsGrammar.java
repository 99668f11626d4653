package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * An identity-based policy follows IAM's grammar: Version 2012-10-17, Statement as an object or a list of
 * objects, Effect Allow or Deny, exactly one of Action/NotAction and of Resource/NotResource, each a string or a
 * list of strings, unique Sids, and no Principal. The grammar issues of {@code validate-policy}.
 */
public final class PolicyFollowsGrammar implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM002", "Policy follows the IAM policy grammar", Severity.ERROR,
            "IAM rejects some grammar errors only when the policy is attached, and silently tolerates others"
                    + " (a missing Version disables policy variables). Either way the reviewed policy is not the"
                    + " enforced one.",
            Docs.IAM_GRAMMAR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        PolicyIssues.report(INFO, repository, findings, issue -> issue.issueCode().grammar());
    }
}
