package com.amply.policysuite.rules.rotation;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/** No valid key example has passed its end of validity ({@code --today}, default today's date). */
public final class KeyNotExpired implements Rule {
    static final RuleInfo INFO = new RuleInfo("ROT002", "Key validity has not ended", Severity.ERROR,
            "The valid examples describe the keys in use. A key past its valid_until (the seed's checkpoint key ended"
                    + " on 2026-01-01) means signatures made now will be rejected: rotate it.",
            Docs.SECRETS_BEST_PRACTICES);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (KeyValidity.Expiry e : KeyValidity.of(repository)) {
            if (e.end().isBefore(repository.today())) {
                findings.add(INFO, e.example().file(), "/" + e.endProperty(), e.position(), e.example().secret()
                        + " in " + e.example().environment() + " was valid until " + e.end() + " (today is "
                        + repository.today() + "); rotate the key and update " + e.endProperty() + ".");
            }
        }
    }
}
