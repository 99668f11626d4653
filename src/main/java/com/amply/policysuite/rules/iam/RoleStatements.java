package com.amply.policysuite.rules.iam;

import com.amply.policysuite.access.Reason;
import com.amply.policysuite.access.StatementRef;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.RuleInfo;
import java.util.List;

/** Placing role-level findings: at the statement the analysis names, else at the role's first policy file. */
final class RoleStatements {
    private RoleStatements() {
    }

    static void at(RuleInfo rule, RepositoryModel repository, RolePolicy role, int statementIndex, String message,
                   Findings findings) {
        if (statementIndex >= 0 && statementIndex < role.origins().size()) {
            RolePolicy.Origin o = role.origins().get(statementIndex);
            findings.at(rule, o.policy().document(), o.statement().pointer(), message);
            return;
        }
        atRole(rule, repository, role.role(), message, findings);
    }

    /** At the role's entry in suite.yaml, where its policy files are listed. */
    static void atRole(RuleInfo rule, RepositoryModel repository, RoleSpec role, String message, Findings findings) {
        findings.at(rule, repository.suiteDocument(), role.pointer() + "/policies", message);
    }

    static int firstStatement(List<Reason> reasons) {
        return reasons.stream().mapToInt(Reason::statementIndex).filter(i -> i >= 0).findFirst().orElse(-1);
    }

    static int firstStatementRef(List<StatementRef> refs) {
        return refs.isEmpty() ? -1 : refs.get(0).index();
    }

    /** "statement 2 (Sid ReadAll) of policies/ci/deploy.json". */
    static String describe(RolePolicy role, int statementIndex) {
        if (statementIndex < 0 || statementIndex >= role.origins().size()) {
            return "its policies";
        }
        RolePolicy.Origin o = role.origins().get(statementIndex);
        return o.statement().label() + " of " + o.policy().file();
    }
}
