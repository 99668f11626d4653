package com.amply.policysuite.rules.leak;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.TrackedFile;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** Every tracked text file could be read by the leak scan. */
public final class TrackedFileCouldBeScanned implements Rule {
    static final RuleInfo INFO = new RuleInfo("LEAK000", "Tracked file could not be scanned for leaks", Severity.ERROR,
            "A file the leak scan could not read (too large) may hold anything; the run must not report it as clean.",
            Docs.SECRETS_BEST_PRACTICES);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (TrackedFile f : repository.trackedFiles()) {
            if (f.content() == null) {
                findings.add(INFO, f.path(), "", SourcePosition.START, "not scanned for leaked secrets: " + f.unreadable()
                        + "; keep large data out of the repository or split it.");
            }
        }
    }
}
