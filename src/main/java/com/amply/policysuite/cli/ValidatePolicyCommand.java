package com.amply.policysuite.cli;

import com.amply.policysuite.authz.ServiceAuthorizationData;
import com.amply.policysuite.load.Bounds;
import com.amply.policysuite.load.DocumentLoader;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.SourceSpan;
import com.amply.policysuite.policy.IssueCode;
import com.amply.policysuite.policy.PolicyIssue;
import com.amply.policysuite.policy.PolicyValidation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code policy-suite validate-policy}: {@code aws accessanalyzer validate-policy}, offline. */
@Command(name = "validate-policy", mixinStandardHelpOptions = true,
        header = "Validate an IAM policy offline, like 'aws accessanalyzer validate-policy'.",
        description = {"Validates an identity-based IAM policy offline and prints the findings in the shape of"
                + " 'aws accessanalyzer validate-policy': {\"findings\":[{\"findingType\",\"issueCode\",\"findingDetails\","
                + "\"learnMoreLink\",\"locations\":[{\"path\":[...],\"span\":{\"start\":{\"line\",\"column\",\"offset\"},"
                + "\"end\":{...}}}]}]}. Lines start at 1, columns and offsets at 0, as in Access Analyzer."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no ERROR or SECURITY_WARNING finding", "  1  an ERROR or SECURITY_WARNING finding (including a"
                + " document that is not valid JSON)", "  2  usage error or unreadable input"})
public final class ValidatePolicyCommand implements Callable<Integer> {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Option(names = "--policy-document", required = true, paramLabel = "file://PATH|-|JSON",
            description = "The policy: file://PATH, - for standard input, or the JSON itself.")
    String policyDocument;

    @Option(names = "--policy-type", paramLabel = "TYPE", defaultValue = "IDENTITY_POLICY",
            description = "Only IDENTITY_POLICY is supported (default: ${DEFAULT-VALUE}).")
    String policyType;

    @Override
    public Integer call() {
        if (!policyType.equals("IDENTITY_POLICY")) {
            spec.commandLine().getErr().println("policy-suite validate-policy: --policy-type " + policyType
                    + " is not supported; only IDENTITY_POLICY is");
            return PolicySuite.USAGE;
        }
        PolicyDocumentInput.Document input;
        try {
            input = PolicyDocumentInput.read(policyDocument);
        } catch (PolicyDocumentInput.Unreadable e) {
            spec.commandLine().getErr().println("policy-suite validate-policy: " + e.getMessage());
            return PolicySuite.USAGE;
        }
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode findings = out.putArray("findings");
        boolean blocking;
        LoadResult loaded = new DocumentLoader(Bounds.DOCUMENT).load(input.bytes(), input.name(), DocumentLoader.Syntax.JSON);
        if (loaded instanceof LoadResult.Failed failed) {
            IssueCode code = failed.problem().kind() == com.amply.policysuite.model.LoadProblem.Kind.DUPLICATE_KEY
                    ? IssueCode.DUPLICATE_KEY : IssueCode.JSON_SYNTAX_ERROR;
            ObjectNode f = finding(findings, code, "The document " + failed.problem().message() + ".");
            SourcePosition p = failed.problem().position();
            ObjectNode location = f.putArray("locations").addObject();
            location.putArray("path");
            ObjectNode span = location.putObject("span");
            position(span.putObject("start"), p.line(), p.column() - 1, -1);
            position(span.putObject("end"), p.line(), p.column() - 1, -1);
            blocking = true;
        } else {
            LocatedDocument doc = ((LoadResult.Loaded) loaded).document();
            List<PolicyIssue> issues = PolicyValidation.validate(doc.root(), ServiceAuthorizationData.bundled());
            for (PolicyIssue issue : issues) {
                ObjectNode f = finding(findings, issue.issueCode(), issue.findingDetails());
                ObjectNode location = f.putArray("locations").addObject();
                path(location.putArray("path"), doc.root(), issue.pointer());
                SourceSpan s = doc.spanOf(issue.pointer());
                ObjectNode span = location.putObject("span");
                position(span.putObject("start"), s.startLine(), s.startColumn() - 1, s.startOffset());
                position(span.putObject("end"), s.endLine(), s.endColumn() - 1, s.endOffset());
            }
            blocking = issues.stream().anyMatch(i -> PolicyValidation.blocking(i.findingType()));
        }
        spec.commandLine().getOut().print(MAPPER.writeValueAsString(out) + "\n");
        spec.commandLine().getOut().flush();
        return blocking ? PolicySuite.FINDINGS : PolicySuite.OK;
    }

    private static ObjectNode finding(ArrayNode findings, IssueCode code, String details) {
        ObjectNode f = findings.addObject();
        f.put("findingType", code.findingType().name());
        f.put("issueCode", code.name());
        f.put("findingDetails", details);
        f.put("learnMoreLink", code.learnMoreLink());
        return f;
    }

    private static void position(ObjectNode node, int line, int column, long offset) {
        node.put("line", line);
        node.put("column", Math.max(0, column));
        if (offset >= 0) {
            node.put("offset", offset);
        }
    }

    /** Access Analyzer's path: {"value": key} for policy elements, {"index": n} in lists, {"key": k} for condition keys. */
    static void path(ArrayNode path, JsonNode root, String pointer) {
        JsonNode node = root;
        int depthInCondition = -1;
        for (String raw : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node.isArray()) {
                int index = Integer.parseInt(token);
                path.addObject().put("index", index);
                node = node.path(index);
            } else {
                if (depthInCondition == 1) {
                    path.addObject().put("key", token);
                } else {
                    path.addObject().put("value", token);
                }
                node = node.path(token);
            }
            if (depthInCondition >= 0) {
                depthInCondition++;
            }
            if (token.equals("Condition") && depthInCondition < 0) {
                depthInCondition = 0;
            }
        }
    }
}
