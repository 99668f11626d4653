package com.amply.policysuite.cli;

import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.report.JsonReport;
import com.amply.policysuite.report.TextReport;
import com.amply.policysuite.rules.CheckRun;
import com.amply.policysuite.rules.RuleRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code policy-suite check}: runs every rule over a repository. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks suite.yaml, every policy under policies/ and every task definition under"
                + " task-definitions/ with all rules (see 'policy-suite rules'). Prints one line per finding,"
                + " then a summary."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no error-level findings", "  1  error-level findings", "  2  usage error, or the repository could not be read"})
public final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Repository to check: the folder holding suite.yaml (default: the current folder).")
    Path repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The date rules that depend on time compare with (default: today's date).")
    LocalDate today;

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
        String rendered = switch (format) {
            case text -> TextReport.render(result);
            case json -> JsonReport.render(result);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return result.count(Severity.ERROR) > 0 ? PolicySuite.FINDINGS : PolicySuite.OK;
    }
}
