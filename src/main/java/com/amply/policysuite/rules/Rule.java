package com.amply.policysuite.rules;

import com.amply.policysuite.model.RepositoryModel;

/**
 * One check with a stable id. Rules are pure: the loaded repository goes in, findings come out. They read no
 * files, print nothing and throw nothing for problems in the input.
 */
public interface Rule {
    RuleInfo info();

    void check(RepositoryModel repository, Findings findings);
}
