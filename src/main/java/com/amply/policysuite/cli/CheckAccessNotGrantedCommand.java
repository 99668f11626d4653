package com.amply.policysuite.cli;

import com.amply.policysuite.access.Budget;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code policy-suite check-access-not-granted}: {@code aws accessanalyzer check-access-not-granted}, offline and exact. */
@Command(name = "check-access-not-granted", mixinStandardHelpOptions = true,
        header = "Prove a policy grants none of some accesses, or show one it grants.",
        description = {"Proves offline that an identity-based policy grants none of the listed accesses, or shows an"
                + " action and ARN it would allow. Same request and response as 'aws accessanalyzer"
                + " check-access-not-granted', plus exampleAction and exampleResource on FAIL.",
            "Actions only: can the policy allow any of them, on any resource? Resources only: can it allow any action"
                + " on them? Both: any of the actions on any of the resources. Wildcards in the request mean FAIL if any"
                + " matching action or ARN is reachable. A policy too complex to analyse within the budget is a FAIL."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every answer is PASS", "  1  some answer is FAIL", "  2  bad input (message on stderr, or an"
                + " \"error\" field per batch line)"})
public final class CheckAccessNotGrantedCommand implements Callable<Integer> {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @ArgGroup(exclusive = false)
        Single single;

        @Option(names = "--requests-file", paramLabel = "FILE.jsonl",
                description = "Batch mode: one request per line, {\"id\",\"policyDocument\" (a JSON string),\"access\","
                        + "\"policyType\"}; one response per line with the same id, in input order (- for stdin).")
        Path requests;
    }

    static final class Single {
        @Option(names = "--policy-document", required = true, paramLabel = "file://PATH|-|JSON",
                description = "The policy: file://PATH, - for standard input, or the JSON itself.")
        String policyDocument;

        @Option(names = "--access", required = true, paramLabel = "JSON",
                description = "[{\"actions\":[...],\"resources\":[...]}], at most 100 actions and 100 resources per entry.")
        String access;
    }

    @Option(names = "--policy-type", paramLabel = "TYPE", defaultValue = "IDENTITY_POLICY",
            description = "Only IDENTITY_POLICY is supported (default: ${DEFAULT-VALUE}).")
    String policyType;

    @Override
    public Integer call() {
        AccessRequests requests = new AccessRequests(Budget.defaults());
        if (input.requests != null) {
            return AccessBatch.run(input.requests, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    r -> requests.checkAccessNotGranted(AccessBatch.text(r.get("policyDocument")),
                            r.get("access"), r.path("policyType").asString(policyType)));
        }
        try {
            String document = PolicyDocumentInput.read(input.single.policyDocument).text();
            JsonNode access;
            try {
                access = MAPPER.readTree(input.single.access);
            } catch (JacksonException e) {
                throw new AccessRequests.BadRequest("--access is not valid JSON");
            }
            return AccessBatch.printSingle(spec.commandLine().getOut(), requests.checkAccessNotGranted(document, access, policyType));
        } catch (PolicyDocumentInput.Unreadable | AccessRequests.BadRequest e) {
            spec.commandLine().getErr().println("policy-suite check-access-not-granted: " + e.getMessage());
            return PolicySuite.USAGE;
        }
    }
}
