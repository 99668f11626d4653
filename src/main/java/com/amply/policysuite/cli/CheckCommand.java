package com.amply.policysuite.cli;

import com.amply.policysuite.change.PolicyFileChange;
import com.amply.policysuite.load.GitRevision;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.report.GitHubReport;
import com.amply.policysuite.report.JUnitReport;
import com.amply.policysuite.report.JsonReport;
import com.amply.policysuite.report.Report;
import com.amply.policysuite.report.Reporter;
import com.amply.policysuite.report.SarifReport;
import com.amply.policysuite.report.TextReport;
import com.amply.policysuite.rules.CheckRun;
import com.amply.policysuite.rules.LiveRules;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code policy-suite check}: runs every rule over a repository. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check the repository: every rule over suite.yaml, policies and task definitions.",
        description = {"Checks suite.yaml, every policy under policies/ and every task definition under"
                + " task-definitions/ with all rules (see 'policy-suite rules'), applying the severity overrides of"
                + " suite.yaml and the waivers of waivers.yaml. Text output is one line per finding (grouped by file"
                + " and coloured on a terminal), then a summary."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no error-level findings (with --fail-on: no finding that severe or worse)",
            "  1  error-level findings (with --fail-on: findings that severe or worse); waived findings never count",
            "  2  usage error, or the repository could not be read, or --output could not be written",
            "  3  --access-analyzer: AWS could not answer (credentials, access, endpoint,",
            "     throttling, a rejected request); the offline results are still printed"})
public final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, junit, github }

    enum Threshold {
        error(Severity.ERROR), warning(Severity.WARNING), info(Severity.INFO);

        final Severity severity;

        Threshold(Severity severity) {
            this.severity = severity;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Repository to check: the folder holding suite.yaml (default: the current folder).")
    Path repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit 1 when a finding that is not waived is this severe or worse: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    Threshold failOn;

    @Option(names = "--no-color", description = "No colour in text output (also when NO_COLOR is set, when standard"
            + " output is not a terminal, and with --output).")
    boolean noColor;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The date rules and waivers that depend on time compare with (default: today's date).")
    LocalDate today;

    @Option(names = "--access-analyzer", description = "Also ask AWS IAM Access Analyzer: ValidatePolicy for every policy,"
            + " CheckAccessNotGranted for every role and environment it must not reach, and with --base CheckNoNewAccess;"
            + " a different verdict from the offline analyzer is IAM024. Uses the SDK's standard configuration (AWS_PROFILE,"
            + " AWS_REGION, AWS_ENDPOINT_URL_ACCESSANALYZER); custom policy checks are billed per call (count on stderr).")
    boolean accessAnalyzer;

    @Option(names = "--base", paramLabel = "REV", description = "With --access-analyzer: also run CheckNoNewAccess for every"
            + " policy changed since git revision REV.")
    String base;

    @Override
    public Integer call() {
        RepositoryModel model;
        try {
            model = new RepositoryLoader().load(repo, today != null ? today : LocalDate.now());
        } catch (RepositoryLoader.UnreadableRepository e) {
            spec.commandLine().getErr().println("policy-suite check: " + e.getMessage());
            return PolicySuite.USAGE;
        }
        CheckRun.Result result = CheckRun.run(model, RuleRegistry.all());
        List<RuleInfo> catalog = new ArrayList<>(RuleRegistry.all().stream().map(Rule::info).toList());
        AccessAnalyzerRun.Outcome live = null;
        if (base != null && !accessAnalyzer) {
            spec.commandLine().getErr().println("policy-suite check: --base needs --access-analyzer; for an offline"
                    + " comparison use 'policy-suite diff --base " + base + "'");
            return PolicySuite.USAGE;
        }
        if (accessAnalyzer) {
            List<PolicyFileChange> changed = List.of();
            if (base != null) {
                try {
                    changed = AccessAnalyzerRun.changedSince(repo, base, model, model.today());
                } catch (GitRevision.UnreadableRevision | RepositoryLoader.UnreadableRepository e) {
                    spec.commandLine().getErr().println("policy-suite check: --base " + base + ": " + e.getMessage());
                    return PolicySuite.USAGE;
                }
            }
            List<PolicyFileChange> sinceBase = changed;
            live = AccessAnalyzerRun.run(model, checks -> checks.run(model, sinceBase, base));
            result = CheckRun.withEdgeFindings(model, result, live.findings());
            catalog.addAll(LiveRules.accessAnalyzerRules());
            catalog.sort(Comparator.comparing(RuleInfo::id));
        }
        Report report = Report.of(result.findings(), result.waived(), model.filesChecked(), catalog);
        String rendered = reporter().render(report);
        if (output != null) {
            try {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException | InvalidPathException e) {
                spec.commandLine().getErr().println("policy-suite check: cannot write " + output + ": " + why(e));
                return PolicySuite.USAGE;
            }
        } else {
            spec.commandLine().getOut().print(rendered);
            spec.commandLine().getOut().flush();
        }
        if (live != null) {
            spec.commandLine().getErr().println(live.calls().summary());
            if (live.failure() != null) {
                spec.commandLine().getErr().println("policy-suite check: " + live.failure());
                return AccessAnalyzerRun.AWS_ERROR;
            }
        }
        return result.failsOn(failOn.severity) ? PolicySuite.FINDINGS : PolicySuite.OK;
    }

    private Reporter reporter() {
        return switch (format) {
            case text -> output == null && Terminal.isStandardOutput()
                    ? TextReport.grouped(!noColor && !Terminal.noColorRequested()) : TextReport.lines();
            case json -> new JsonReport();
            case sarif -> new SarifReport(VersionProvider.property("version"), null);
            case junit -> new JUnitReport();
            case github -> new GitHubReport();
        };
    }

    private static String why(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage().lines().findFirst().orElse("") : e.getClass().getSimpleName();
    }
}
