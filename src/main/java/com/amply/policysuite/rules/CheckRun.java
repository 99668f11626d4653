package com.amply.policysuite.rules;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.SeverityOverride;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.WaivedFinding;
import com.amply.policysuite.model.Waiver;
import com.amply.policysuite.rules.config.WaiverIsValidAndCurrent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs rules over a loaded repository and collects their findings in a stable order. Then it applies the
 * configuration: the severity overrides of {@code suite.yaml} and the current waivers of {@code waivers.yaml}.
 * A waived finding is kept, apart, with its waiver.
 */
public final class CheckRun {
    /** Findings about waivers themselves: their severity can't be overridden and they can't be waived. */
    private static final Set<String> WAIVER_RULES = Set.of("CFG003", "CFG004");

    private CheckRun() {
    }

    /** The findings of a run (waived ones apart) and how many files it looked at. */
    public record Result(List<Finding> findings, List<WaivedFinding> waived, int filesChecked) {
        public Result {
            findings = findings.stream().sorted(Finding.ORDER).toList();
            waived = waived.stream().sorted((a, b) -> Finding.ORDER.compare(a.finding(), b.finding())).toList();
        }

        public Result(List<Finding> findings, int filesChecked) {
            this(findings, List.of(), filesChecked);
        }

        /** Findings of {@code severity} that are not waived. */
        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        /** True when a finding that is not waived is {@code threshold} or more severe ({@code --fail-on}). */
        public boolean failsOn(Severity threshold) {
            return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
        }
    }

    /**
     * False for rules whose findings must always count as they are: parse failures ({@code xxx000}, a run never
     * says "no findings" about a file it could not read) and the waiver rules.
     */
    public static boolean severityCanBeOverridden(String ruleId) {
        return !ruleId.endsWith("000") && !WAIVER_RULES.contains(ruleId);
    }

    /** False for the waiver rules: a waiver can't waive a problem with waivers. */
    public static boolean waivable(String ruleId) {
        return !WAIVER_RULES.contains(ruleId);
    }

    public static Result run(RepositoryModel repository, List<Rule> rules) {
        Map<String, Severity> severities = severityOverrides(repository);
        List<Finding> plain = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (Rule rule : rules) {
            if (!(rule instanceof FindingsRule)) {
                Outcome outcome = guarded(rule, findings -> rule.check(repository, findings));
                plain.addAll(outcome.findings());
                Severity override = severities.get(rule.info().id());
                all.addAll(override == null || outcome.crashed() ? outcome.findings() : outcome.findings().stream()
                        .map(f -> new Finding(f.ruleId(), override, f.file(), f.pointer(), f.line(), f.column(), f.message()))
                        .toList());
            }
        }
        List<Finding> reported = List.copyOf(plain);
        for (Rule rule : rules) {
            if (rule instanceof FindingsRule about) {
                all.addAll(guarded(rule, findings -> about.check(repository, reported, findings)).findings());
            }
        }
        return waive(repository, all, List.of(), repository.filesChecked().size());
    }

    /**
     * {@code result} with the findings of a step at the edge ({@link LiveRules}: AWS's answers, a diff) merged in,
     * after the same severity overrides and waivers as the rules' own findings.
     */
    public static Result withEdgeFindings(RepositoryModel repository, Result result, List<Finding> edgeFindings) {
        Map<String, Severity> severities = severityOverrides(repository);
        List<Finding> overridden = edgeFindings.stream().map(f -> {
            Severity override = severities.get(f.ruleId());
            return override == null ? f : new Finding(f.ruleId(), override, f.file(), f.pointer(), f.line(), f.column(),
                    f.message());
        }).toList();
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(overridden);
        return waive(repository, all, result.waived(), result.filesChecked());
    }

    private static Result waive(RepositoryModel repository, List<Finding> all, List<WaivedFinding> alreadyWaived,
            int filesChecked) {
        List<Waiver> current = repository.waivers().waivers().stream()
                .filter(w -> WaiverIsValidAndCurrent.problems(w, repository.today()).isEmpty())
                .toList();
        List<Finding> active = new ArrayList<>();
        List<WaivedFinding> waived = new ArrayList<>(alreadyWaived);
        for (Finding f : all) {
            Waiver by = waivable(f.ruleId()) ? current.stream().filter(w -> w.covers(f)).findFirst().orElse(null) : null;
            if (by == null) {
                active.add(f);
            } else {
                waived.add(new WaivedFinding(f, by));
            }
        }
        return new Result(active, waived, filesChecked);
    }

    /** The findings of {@code rules} other than {@link FindingsRule}s, as the rules reported them. */
    public static List<Finding> findingsOf(RepositoryModel repository, List<Rule> rules) {
        List<Finding> all = new ArrayList<>();
        for (Rule rule : rules) {
            if (!(rule instanceof FindingsRule)) {
                all.addAll(guarded(rule, findings -> rule.check(repository, findings)).findings());
            }
        }
        return all;
    }

    private record Outcome(List<Finding> findings, boolean crashed) {
    }

    private static Outcome guarded(Rule rule, Consumer<Findings> check) {
        Findings findings = new Findings();
        try {
            check.accept(findings);
            return new Outcome(findings.list(), false);
        } catch (RuntimeException e) {
            // a bug in a rule must not turn into a pass: report it as an error of that rule, whatever its override
            findings.add(rule.info(), RepositoryModel.SUITE_FILE, "", SourcePosition.UNKNOWN, "internal error in rule "
                    + rule.info().id() + " (" + e.getClass().getSimpleName() + "); its check did not run. Please report this.");
            return new Outcome(findings.list().stream()
                    .map(f -> new Finding(f.ruleId(), Severity.ERROR, f.file(), f.pointer(), f.line(), f.column(), f.message()))
                    .toList(), true);
        }
    }

    /** {@code suite.yaml}'s {@code rules:} severities by rule id; an override CFG001 rejects is left out. */
    private static Map<String, Severity> severityOverrides(RepositoryModel repository) {
        Map<String, Severity> severities = new HashMap<>();
        if (repository.suite() != null) {
            for (SeverityOverride o : repository.suite().severityOverrides()) {
                if (LiveRules.info(o.ruleId()).isPresent() && severityCanBeOverridden(o.ruleId())) {
                    severities.putIfAbsent(o.ruleId(), o.severity());
                }
            }
        }
        return severities;
    }
}
