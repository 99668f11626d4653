package com.amply.policysuite.rules;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Runs rules over a loaded repository and collects their findings in a stable order. */
public final class CheckRun {
    private CheckRun() {
    }

    /** The findings of a run and how many files it looked at. */
    public record Result(List<Finding> findings, int filesChecked) {
        public Result {
            findings = findings.stream().sorted(Finding.ORDER).toList();
        }

        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }
    }

    public static Result run(RepositoryModel repository, List<Rule> rules) {
        List<Finding> all = new ArrayList<>();
        for (Rule rule : rules) {
            Findings findings = new Findings();
            try {
                rule.check(repository, findings);
                all.addAll(findings.list());
            } catch (RuntimeException e) {
                // a bug in a rule must not turn into a pass: report it as an error of that rule
                findings.add(rule.info(), RepositoryModel.SUITE_FILE, "", SourcePosition.UNKNOWN, "internal error in rule "
                        + rule.info().id() + " (" + e.getClass().getSimpleName() + "); its check did not run. Please report this.");
                all.addAll(findings.list().stream()
                        .map(f -> new Finding(f.ruleId(), Severity.ERROR, f.file(), f.pointer(), f.line(), f.column(), f.message()))
                        .toList());
            }
        }
        return new Result(all, repository.filesChecked().size());
    }
}
