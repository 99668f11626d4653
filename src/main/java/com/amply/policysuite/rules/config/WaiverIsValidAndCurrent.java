package com.amply.policysuite.rules.config;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Waiver;
import com.amply.policysuite.model.WaiverFile;
import com.amply.policysuite.rules.CheckRun;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.LiveRules;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every waiver in waivers.yaml is well formed, names a rule that exists, has a reason and has not expired, and
 * expires at most {@value #MAX_DAYS} days after today. Only such a waiver waives anything.
 */
public final class WaiverIsValidAndCurrent implements Rule {
    public static final int MAX_DAYS = 180;
    static final RuleInfo INFO = new RuleInfo("CFG003", "Waiver is valid and current", Severity.ERROR,
            "A waiver is a visible, justified and temporary exception: it names the rule, the file (a glob) and"
                    + " optionally the JSON pointer, says why, and expires at most " + MAX_DAYS + " days ahead. A malformed,"
                    + " expired or open-ended waiver waives nothing and fails the run, so exceptions are reviewed"
                    + " again instead of becoming permanent.",
            Docs.WAIVERS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        WaiverFile file = repository.waivers();
        for (ConfigProblem p : file.problems()) {
            findings.at(INFO, file.document(), p.pointer(), p.message() + ".");
        }
        for (Waiver w : file.waivers()) {
            for (ConfigProblem p : problems(w, repository.today())) {
                findings.at(INFO, file.document(), p.pointer(), p.message());
            }
        }
    }

    /** Why {@code waiver} can't apply on {@code today}; empty when it applies. */
    public static List<ConfigProblem> problems(Waiver waiver, LocalDate today) {
        List<ConfigProblem> out = new ArrayList<>();
        String rule = waiver.rule();
        if (LiveRules.info(rule).isEmpty()) {
            out.add(new ConfigProblem(waiver.at() + "/rule", "waiver names rule " + rule
                    + ", which does not exist; use an id from 'policy-suite rules'."));
        } else if (!CheckRun.waivable(rule)) {
            out.add(new ConfigProblem(waiver.at() + "/rule", "waiver names " + rule
                    + ", a finding about waivers themselves, which can't be waived; fix or remove the waiver instead."));
        }
        if (!today.isBefore(waiver.expires())) {
            out.add(new ConfigProblem(waiver.at() + "/expires", "waiver for " + waiver.describe() + " expired on "
                    + waiver.expires() + "; fix the finding, or renew the waiver with a current reason and a new date."));
        } else if (ChronoUnit.DAYS.between(today, waiver.expires()) > MAX_DAYS) {
            out.add(new ConfigProblem(waiver.at() + "/expires", "waiver for " + waiver.describe() + " expires on "
                    + waiver.expires() + ", " + ChronoUnit.DAYS.between(today, waiver.expires()) + " days from " + today
                    + "; a waiver lasts at most " + MAX_DAYS + " days, so set expires to " + today.plusDays(MAX_DAYS)
                    + " or earlier."));
        }
        return out;
    }
}
