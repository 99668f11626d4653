package com.amply.policysuite.cli;

import com.amply.policysuite.aws.AwsFailure;
import com.amply.policysuite.aws.AwsSession;
import com.amply.policysuite.aws.LiveAccountReader;
import com.amply.policysuite.drift.DriftComparison;
import com.amply.policysuite.drift.DriftItem;
import com.amply.policysuite.drift.DriftScope;
import com.amply.policysuite.drift.EnvironmentDrift;
import com.amply.policysuite.drift.LiveEnvironment;
import com.amply.policysuite.drift.PolicyEquivalence;
import com.amply.policysuite.drift.PolicyEquivalences;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.report.DriftJsonReport;
import com.amply.policysuite.report.DriftTextReport;
import com.amply.policysuite.secrets.SecretPayloadValidator;
import com.amply.policysuite.secrets.SecretSchemaFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy-suite drift}: reads the live account with the read-only drift-check role and reports every
 * difference from the repository. A run either compares everything it set out to compare or fails with exit 3:
 * partial results are never reported.
 */
@Command(name = "drift",
        header = "Compare the live AWS account with the repository and report every difference.", mixinStandardHelpOptions = true,
        description = {"Compares the live AWS account with this repository: the account id, the catalog's secrets"
                + " (existence, rotation, age, scheduled deletion), the latest ACTIVE revision of each task definition"
                + " family, and each role's identity policies (by the access they grant). Uses the standard AWS"
                + " configuration: AWS_PROFILE or other credentials, AWS_REGION (else suite.yaml's region),"
                + " AWS_ENDPOINT_URL[_<SERVICE>], AWS_MAX_ATTEMPTS."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no drift", "  1  drift", "  2  usage error, or the repository could not be read",
            "  3  AWS error: another account, no credentials, access denied,",
            "     throttling after retries, unreachable endpoint (no report)"})
public final class DriftCommand implements Callable<Integer> {
    /** Exit code for anything that stopped the check from reading the account completely. */
    public static final int AWS_ERROR = 3;

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Repository holding suite.yaml (default: the current folder).")
    Path repo;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Environment to check, one of suite.yaml's environments (default: all of them).")
    String environment;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints one object"
                    + " with --env, else an array with one object per environment.")
    Format format;

    @Option(names = "--check-payloads",
            description = "Also fetch each catalog secret's value (GetSecretValue, needs policies/drift-check/payloads.json)"
                    + " and validate its shape against schemas/. Values never appear in any output.")
    boolean checkPayloads;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (written only when the run completes).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RepositoryModel model;
        try {
            model = new RepositoryLoader().load(repo, LocalDate.now());
        } catch (RepositoryLoader.UnreadableRepository e) {
            err.println("policy-suite drift: " + e.getMessage());
            return PolicySuite.USAGE;
        }
        if (model.suite() == null) {
            err.println("policy-suite drift: " + RepositoryModel.SUITE_FILE + " cannot be parsed; run policy-suite check");
            return PolicySuite.USAGE;
        }
        List<String> environments = model.suite().environments();
        if (environment != null) {
            if (!model.suite().isEnvironment(environment)) {
                err.println("policy-suite drift: --env " + environment + " is not one of " + environments);
                return PolicySuite.USAGE;
            }
            environments = List.of(environment);
        }
        List<DriftScope> scopes = new ArrayList<>();
        for (String env : environments) {
            DriftScope scope = DriftScope.of(model, env);
            List<String> unloaded = DriftComparison.unloadedPolicyFiles(model, scope);
            if (!unloaded.isEmpty()) {
                err.println("policy-suite drift: cannot compare roles: " + String.join(", ", unloaded)
                        + " could not be read; run policy-suite check");
                return PolicySuite.USAGE;
            }
            scopes.add(scope);
        }
        SecretPayloadValidator validator = null;
        if (checkPayloads) {
            try {
                validator = SecretPayloadValidator.fromSchemaFiles(SecretSchemaFiles.read(repo.resolve("schemas")));
            } catch (IOException e) {
                err.println("policy-suite drift: cannot read " + repo.resolve("schemas") + " (" + e.getClass().getSimpleName() + ")");
                return PolicySuite.USAGE;
            }
        }
        boolean progress = Terminal.stderrIsTerminal();
        PolicyEquivalence equivalence = PolicyEquivalences.standard();
        DriftComparison comparison = new DriftComparison(model, equivalence, Instant.now());
        List<EnvironmentDrift> results = new ArrayList<>();
        try (AwsSession aws = AwsSession.open(model.suite().region())) {
            LiveAccountReader reader = aws.reader();
            String account = reader.callerAccount();
            if (!model.suite().account().equals(account)) {
                err.println("policy-suite drift: the credentials belong to account " + account + ", not "
                        + model.suite().account() + " (suite.yaml account); nothing else was read");
                return AWS_ERROR;
            }
            for (DriftScope scope : scopes) {
                if (progress) {
                    err.println("policy-suite drift: reading " + scope.environment() + " in account " + account + " ("
                            + aws.region().id() + ")" + (checkPayloads ? " with payloads" : "") + "...");
                    err.flush();
                }
                LiveEnvironment live = reader.read(scope, validator);
                List<DriftItem> items = comparison.compare(scope, live);
                results.add(EnvironmentDrift.of(scope, live, items));
            }
        } catch (AwsFailure e) {
            err.println("policy-suite drift: " + e.getMessage());
            return AWS_ERROR;
        }
        String rendered = switch (format) {
            case text -> DriftTextReport.render(results);
            case json -> DriftJsonReport.render(results, environment != null);
        };
        if (output != null) {
            try {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("policy-suite drift: cannot write " + output + " (" + e.getClass().getSimpleName() + ")");
                return PolicySuite.USAGE;
            }
        } else {
            spec.commandLine().getOut().print(rendered);
            spec.commandLine().getOut().flush();
        }
        return results.stream().anyMatch(r -> !r.items().isEmpty()) ? PolicySuite.FINDINGS : PolicySuite.OK;
    }
}
