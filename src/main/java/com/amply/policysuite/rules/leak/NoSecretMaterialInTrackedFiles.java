package com.amply.policysuite.rules.leak;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.TrackedFile;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.secrets.LeakFinding;
import com.amply.policysuite.secrets.LeakScanner;

/**
 * No tracked file holds real-looking secret material: Stripe keys, webhook secrets, PEM private keys,
 * database or Redis URLs with a real password. Only documented placeholders pass (docs/leak-scanner.md).
 */
public final class NoSecretMaterialInTrackedFiles implements Rule {
    static final RuleInfo INFO = new RuleInfo("LEAK001", "No secret material in tracked files", Severity.ERROR,
            "A key committed to git is a breach: every clone and every fork has it, and deleting it later leaves it in"
                    + " history. Findings name the file, line and kind, never the value.",
            Docs.SECRETS_BEST_PRACTICES);

    private final LeakScanner scanner = new LeakScanner();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (TrackedFile f : repository.trackedFiles()) {
            String text = f.text();
            if (text == null) {
                continue;
            }
            for (LeakFinding leak : scanner.scan(f.path(), text)) {
                findings.add(INFO, f.path(), "", new SourcePosition(leak.line(), leak.column()), leak.message());
            }
        }
    }
}
