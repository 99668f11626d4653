package com.amply.policysuite.cli;

import com.amply.policysuite.access.Budget;
import com.amply.policysuite.change.RepositoryChange;
import com.amply.policysuite.load.GitRevision;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.report.ChangeJsonReport;
import com.amply.policysuite.report.ChangeMarkdownReport;
import com.amply.policysuite.report.ChangeReport;
import com.amply.policysuite.report.ChangeReporter;
import com.amply.policysuite.report.ChangeTextReport;
import com.amply.policysuite.rules.CheckRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code policy-suite diff --base REV}: what a change adds, per role and per task definition. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Show what a change adds or removes, per role and task definition, against git REV.",
        description = {"Compares every role's combined policies and every task definition's secret references in the"
                + " working tree with git revision REV: access that is new (with an example action and ARN), access that"
                + " was removed, and added, removed or changed valueFrom references. New access to a prod secret is"
                + " IAM025 (an error unless waivers.yaml waives it for the role's policy file). Offline unless"
                + " --access-analyzer, which also runs AWS CheckNoNewAccess for every changed policy file (billed)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no unwaived error-level findings",
            "  1  new access to a prod secret that is not waived (IAM025), or with",
            "     --access-analyzer a disagreement with AWS (IAM024)",
            "  2  usage error: unknown REV, not a git work tree, unreadable repository,",
            "     or --output could not be written",
            "  3  --access-analyzer: AWS could not answer (credentials, access, endpoint)"})
public final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--base", paramLabel = "REV", required = true,
            description = "The git revision to compare with, such as origin/main or HEAD~1.")
    String base;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Repository to compare: the folder holding suite.yaml (default: the current folder).")
    Path repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); markdown is for a"
                    + " pull request comment or $GITHUB_STEP_SUMMARY.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--access-analyzer", description = "Also run AWS IAM Access Analyzer CheckNoNewAccess for every"
            + " changed policy file (billed per call; count on stderr).")
    boolean accessAnalyzer;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The date waivers compare with (default: today's date).")
    LocalDate today;

    @Override
    public Integer call() {
        LocalDate day = today != null ? today : LocalDate.now();
        RepositoryModel current;
        RepositoryModel before;
        try {
            current = new RepositoryLoader().load(repo, day);
        } catch (RepositoryLoader.UnreadableRepository e) {
            return usage(e.getMessage());
        }
        try {
            before = GitRevision.load(repo, base, day);
        } catch (GitRevision.UnreadableRevision e) {
            return usage(e.getMessage());
        } catch (RepositoryLoader.UnreadableRepository e) {
            return usage(base + ": " + e.getMessage());
        }
        RepositoryChange change = RepositoryChange.between(before, current, base, Budget.defaults());
        List<Finding> findings = new ArrayList<>(change.findings());
        AccessAnalyzerRun.Outcome live = null;
        if (accessAnalyzer) {
            live = AccessAnalyzerRun.run(current, checks -> checks.noNewAccess(change.changedPolicies(), base));
            findings.addAll(live.findings());
        }
        CheckRun.Result result = CheckRun.withEdgeFindings(current, new CheckRun.Result(List.of(), 0), findings);
        ChangeReport report = new ChangeReport(base, change, result.findings(), result.waived(),
                live == null ? null : live.calls().summary());
        String rendered = reporter().render(report);
        if (output != null) {
            try {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException | InvalidPathException e) {
                return usage("cannot write " + output + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("")));
            }
        } else {
            spec.commandLine().getOut().print(rendered);
            spec.commandLine().getOut().flush();
        }
        if (live != null) {
            spec.commandLine().getErr().println(live.calls().summary());
            if (live.failure() != null) {
                spec.commandLine().getErr().println("policy-suite diff: " + live.failure());
                return AccessAnalyzerRun.AWS_ERROR;
            }
        }
        return report.errors() > 0 ? PolicySuite.FINDINGS : PolicySuite.OK;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("policy-suite diff: " + message);
        return PolicySuite.USAGE;
    }

    private ChangeReporter reporter() {
        return switch (format) {
            case text -> new ChangeTextReport();
            case json -> new ChangeJsonReport();
            case markdown -> new ChangeMarkdownReport();
        };
    }
}
