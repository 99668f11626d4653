package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.WaivedFinding;
import com.amply.policysuite.rules.CheckRun;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.List;

/**
 * What every output format renders, independent of the format and of the command that produced it ({@code check}
 * now; {@code diff} and {@code drift} later): the findings that count, the waived findings, the summary, the files
 * looked at and the rule catalog.
 *
 * @param files   the repository-relative files that were checked (JUnit makes a test case per rule and file)
 * @param catalog every rule's metadata, in id order (SARIF lists them under {@code tool.driver.rules})
 */
public record Report(List<Finding> findings, List<WaivedFinding> waived, Summary summary, List<String> files,
                     List<RuleInfo> catalog) {

    /** Counts of findings that are not waived, by severity, and of waived ones. */
    public record Summary(long errors, long warnings, long infos, long waived, int filesChecked) {
    }

    public Report {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        waived = waived.stream().sorted((a, b) -> Finding.ORDER.compare(a.finding(), b.finding())).toList();
        files = List.copyOf(files);
        catalog = List.copyOf(catalog);
    }

    public static Report of(List<Finding> findings, List<WaivedFinding> waived, List<String> files, List<RuleInfo> catalog) {
        Summary summary = new Summary(count(findings, Severity.ERROR), count(findings, Severity.WARNING),
                count(findings, Severity.INFO), waived.size(), files.size());
        return new Report(findings, waived, summary, files, catalog);
    }

    /** The report of a {@code check} run over {@code files} with {@code rules}. */
    public static Report of(CheckRun.Result result, List<String> files, List<Rule> rules) {
        return of(result.findings(), result.waived(), files, rules.stream().map(Rule::info).toList());
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
