package com.amply.policysuite.rules.rotation;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Rotation;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.secrets.SecretSchemaDocument;
import com.amply.policysuite.rules.secrets.SecretSchemaDocument.DateRange;
import java.time.Period;

/**
 * The catalog's rotation and the schema's validity window agree: an annual secret's payload may be valid for at
 * most a year, an automatically rotated one for at most its rotation period, and a payload with a bounded
 * validity is not declared as rotated by hand whenever.
 */
public final class RotationMatchesSchema implements Rule {
    static final RuleInfo INFO = new RuleInfo("ROT001", "Rotation and schema validity agree", Severity.ERROR,
            "If the schema accepts a two-year key while the catalog promises annual rotation, nothing forces the"
                    + " rotation; if the catalog says manual for a key that expires, nobody is reminded.",
            Docs.SECRETS_BEST_PRACTICES);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Suite suite = repository.suite();
        if (suite == null) {
            return;
        }
        for (CatalogSecret s : suite.secrets()) {
            SecretSchemaDocument schema = SecretSchemaDocument.of(s, repository).orElse(null);
            if (schema == null || s.rotation() == null) {
                continue;
            }
            Period rotation = period(s.rotation());
            String at = s.pointer() + "/rotation";
            for (DateRange range : schema.dateRanges()) {
                if (rotation == null) {
                    findings.at(INFO, repository.suiteDocument(), at, s.name() + " is valid from " + range.start() + " to "
                            + range.end() + " but its rotation is manual; declare rotation: annual or {automatic: DAYS}.");
                } else if (range.maxPeriod() == null) {
                    findings.at(INFO, repository.suiteDocument(), at, s.name() + " rotates " + s.rotation().describe()
                            + " but " + schema.file() + " does not bound its validity; add maxPeriod: " + rotation + " to its dateRange.");
                } else if (SecretSchemaDocument.longer(range.maxPeriod(), rotation)) {
                    findings.at(INFO, repository.suiteDocument(), at, s.name() + " rotates " + s.rotation().describe()
                            + " but " + schema.file() + " accepts a validity of " + range.maxPeriod() + "; lower maxPeriod to "
                            + rotation + ".");
                }
            }
        }
    }

    /** How long a value may live under a rotation; null for manual rotation. */
    static Period period(Rotation rotation) {
        if (rotation instanceof Rotation.Annual) {
            return Period.ofYears(1);
        }
        if (rotation instanceof Rotation.Automatic a) {
            return Period.ofDays(a.days());
        }
        return null;
    }
}
