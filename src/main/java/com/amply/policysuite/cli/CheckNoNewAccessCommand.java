package com.amply.policysuite.cli;

import com.amply.policysuite.access.Budget;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy-suite check-no-new-access}: {@code aws accessanalyzer check-no-new-access}, offline and exact. */
@Command(name = "check-no-new-access", mixinStandardHelpOptions = true,
        header = "Prove a new policy grants nothing the old one doesn't, or show what.",
        description = {"Proves offline that the new policy grants nothing the existing one doesn't, or shows an action"
                + " and ARN that only the new one allows. Same request and response as 'aws accessanalyzer"
                + " check-no-new-access', plus exampleAction and exampleResource on FAIL."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every answer is PASS", "  1  some answer is FAIL", "  2  bad input"})
public final class CheckNoNewAccessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @ArgGroup(exclusive = false)
        Pair pair;

        @Option(names = "--requests-file", paramLabel = "FILE.jsonl",
                description = "Batch mode: one request per line, {\"id\",\"existingPolicyDocument\",\"newPolicyDocument\""
                        + " (JSON strings),\"policyType\"}; one response per line with the same id, in input order.")
        Path requests;
    }

    static final class Pair {
        @Option(names = "--existing-policy-document", required = true, paramLabel = "file://PATH|JSON",
                description = "The policy as it is now.")
        String existing;

        @Option(names = "--new-policy-document", required = true, paramLabel = "file://PATH|JSON",
                description = "The policy as it would be.")
        String updated;
    }

    @Option(names = "--policy-type", paramLabel = "TYPE", defaultValue = "IDENTITY_POLICY",
            description = "Only IDENTITY_POLICY is supported (default: ${DEFAULT-VALUE}).")
    String policyType;

    @Override
    public Integer call() {
        AccessRequests requests = new AccessRequests(Budget.defaults());
        if (input.requests != null) {
            return AccessBatch.run(input.requests, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    r -> requests.checkNoNewAccess(AccessBatch.text(r.get("existingPolicyDocument")),
                            AccessBatch.text(r.get("newPolicyDocument")),
                            r.path("policyType").asString(policyType)));
        }
        try {
            String existing = PolicyDocumentInput.read(input.pair.existing).text();
            String updated = PolicyDocumentInput.read(input.pair.updated).text();
            return AccessBatch.printSingle(spec.commandLine().getOut(), requests.checkNoNewAccess(existing, updated, policyType));
        } catch (PolicyDocumentInput.Unreadable | AccessRequests.BadRequest e) {
            spec.commandLine().getErr().println("policy-suite check-no-new-access: " + e.getMessage());
            return PolicySuite.USAGE;
        }
    }
}
