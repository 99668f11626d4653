package com.amply.policysuite.rules.config;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Waiver;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.LiveRules;
import com.amply.policysuite.rules.FindingsRule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.List;

/**
 * Every valid waiver matches at least one finding. A waiver whose finding was fixed is stale: it would silently
 * waive the same problem if it came back, so it must be removed (the baseline shrinks, as ArchUnit's freeze does).
 */
public final class WaiverMatchesAFinding implements FindingsRule {
    static final RuleInfo INFO = new RuleInfo("CFG004", "Waiver matches a finding", Severity.ERROR,
            "A waiver that matches no finding is stale: the problem was fixed or the rule, file or pointer changed."
                    + " Left in place it would hide the problem if it came back, so it fails the run until it is removed.",
            Docs.WAIVERS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, List<Finding> otherFindings, Findings findings) {
        for (Waiver w : repository.waivers().waivers()) {
            if (!WaiverIsValidAndCurrent.problems(w, repository.today()).isEmpty()) {
                continue; // CFG003 reports it; an invalid waiver waives nothing
            }
            if (LiveRules.byId(w.rule()).isPresent()) {
                continue; // its findings come from AWS or from a diff, which this run may not have asked
            }
            if (otherFindings.stream().noneMatch(w::covers)) {
                findings.at(INFO, repository.waivers().document(), w.at(), "waiver for " + w.describe()
                        + " matches no finding; the problem is gone, so remove the waiver.");
            }
        }
    }
}
