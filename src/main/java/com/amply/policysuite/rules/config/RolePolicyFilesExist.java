package com.amply.policysuite.rules.config;

import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.HashSet;
import java.util.Set;

/** A role's policy files exist in the repository. */
public final class RolePolicyFilesExist implements Rule {
    static final RuleInfo INFO = new RuleInfo("CFG002", "Role policy files exist", Severity.ERROR,
            "A role whose policy file is missing can't be checked, and whatever is attached to it in AWS is unreviewed.",
            Docs.IAM_GRAMMAR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        if (repository.suite() == null) {
            return;
        }
        Set<String> files = new HashSet<>(repository.filesChecked());
        for (RoleSpec role : repository.suite().roles()) {
            for (int i = 0; i < role.policies().size(); i++) {
                String file = role.policies().get(i);
                if (!files.contains(file)) {
                    findings.at(INFO, repository.suiteDocument(), JsonPointer.child(role.pointer() + "/policies", i),
                            "role " + role.name() + " lists policy file " + file + ", which does not exist; add it or"
                                    + " remove it from the role.");
                }
            }
        }
    }
}
