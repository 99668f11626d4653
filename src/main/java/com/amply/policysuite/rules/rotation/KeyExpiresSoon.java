package com.amply.policysuite.rules.rotation;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.time.temporal.ChronoUnit;

/** A valid key example ends within 30 days of {@code --today}: time to rotate. */
public final class KeyExpiresSoon implements Rule {
    static final int DAYS = 30;
    static final RuleInfo INFO = new RuleInfo("ROT003", "Key validity ends within 30 days", Severity.WARNING,
            "Rotating a signing key needs a new key pair, a deployment and an overlap window. Thirty days of warning"
                    + " leave time to do it before the key stops being valid.",
            Docs.SECRETS_BEST_PRACTICES);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (KeyValidity.Expiry e : KeyValidity.of(repository)) {
            long left = ChronoUnit.DAYS.between(repository.today(), e.end());
            if (left >= 0 && left <= DAYS) {
                findings.add(INFO, e.example().file(), "/" + e.endProperty(), e.position(), e.example().secret() + " in "
                        + e.example().environment() + " is valid until " + e.end() + ", " + left + " days from "
                        + repository.today() + "; rotate it before then.");
            }
        }
    }
}
