package com.amply.policysuite.cli;

import com.amply.policysuite.report.RuleCatalog;
import com.amply.policysuite.rules.LiveRules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code policy-suite rules}: the rule catalog, generated from the rules' metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        header = "List the rules (the catalog of docs/rules.md).",
        description = {"Lists every rule with its id, severity and title; --format markdown prints docs/rules.md."})
public final class RulesCommand implements Callable<Integer> {
    enum Format { text, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(switch (format) {
            case text -> RuleCatalog.text(LiveRules.catalog());
            case markdown -> RuleCatalog.markdown(LiveRules.catalog());
        });
        spec.commandLine().getOut().flush();
        return PolicySuite.OK;
    }
}
