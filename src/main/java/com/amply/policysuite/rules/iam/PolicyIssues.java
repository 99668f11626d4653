package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.policy.PolicyIssue;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.RuleInfo;
import java.util.function.Predicate;

/** The shared body of the rules that report validation issues: one finding per matching issue, at its pointer. */
final class PolicyIssues {
    private PolicyIssues() {
    }

    static void report(RuleInfo rule, RepositoryModel repository, Findings findings, Predicate<PolicyIssue> which) {
        for (Policy policy : repository.policies()) {
            for (PolicyIssue issue : policy.issues()) {
                if (which.test(issue)) {
                    findings.at(rule, policy.document(), issue.pointer(), issue.issueCode() + ": " + issue.findingDetails());
                }
            }
        }
    }
}
