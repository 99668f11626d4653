package com.amply.policysuite.rules.naming;

import com.amply.policysuite.model.Arn;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretArn;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.Set;

/**
 * ARNs are well formed and use the configured partition, region and account: task definition secret and role
 * ARNs, catalog KMS key ARNs, and the ARN resources of policies (where a part is a wildcard, it is not judged).
 */
public final class ArnsUseConfiguredAccount implements Rule {
    static final RuleInfo INFO = new RuleInfo("NAME005", "ARNs are well formed and use the configured partition, region and account",
            Severity.ERROR,
            "A secret ARN with another region or account resolves to a different secret, or to none, at deploy time;"
                    + " a typo in an ARN makes a policy grant nothing. Everything this suite manages lives in one"
                    + " account and region.",
            Docs.IAM_ARNS);

    /** Services whose ARNs carry no region. */
    private static final Set<String> GLOBAL = Set.of("iam", "s3", "cloudfront", "route53", "organizations", "waf");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Suite suite = repository.suite();
        if (suite == null) {
            return;
        }
        for (CatalogSecret s : suite.secrets()) {
            if (s.kmsKeyArn() != null) {
                concrete(s.kmsKeyArn(), "kms", repository.suiteDocument(), s.pointer() + "/kmsKeyArn", suite, findings);
            }
        }
        for (TaskDefinition td : repository.taskDefinitions()) {
            for (SecretReference ref : td.secretReferences()) {
                if (ref.parse() instanceof SecretArn.Parse.Malformed m) {
                    findings.at(INFO, td.document(), ref.valueFromPointer(), "valueFrom " + m.reason()
                            + "; use " + suite.secretArn("<env>", "<name>") + "[-<6 chars>][:<json-key>:<version-stage>:<version-id>].");
                } else {
                    // already parsed by the loader: judge the ARN parts without parsing the text again
                    String problem = parts(ref.arn().get().arn(), "secretsmanager", suite);
                    if (problem != null) {
                        findings.at(INFO, td.document(), ref.valueFromPointer(), problem);
                    }
                }
            }
            for (Located role : new Located[] {td.taskRoleArn(), td.executionRoleArn()}) {
                if (role != null) {
                    concrete(role.value(), "iam", td.document(), role.pointer(), suite, findings);
                }
            }
        }
        for (Policy policy : repository.policies()) {
            for (Policy.Statement st : policy.statements()) {
                for (int i = 0; i < st.resources().size(); i++) {
                    pattern(st.resources().get(i), st.resourceArns().get(i).orElse(null), policy.document(), suite, findings);
                }
            }
        }
    }

    private void concrete(String text, String service, LocatedDocument doc, String pointer, Suite suite, Findings findings) {
        Arn arn = Arn.parse(text).orElse(null);
        if (arn == null) {
            findings.at(INFO, doc, pointer, "is not an ARN (arn:partition:service:region:account:resource).");
            return;
        }
        String problem = parts(arn, service, suite);
        if (problem != null) {
            findings.at(INFO, doc, pointer, problem);
        }
    }

    /** What is wrong with a concrete ARN's service, partition, region and account, or null. */
    private static String parts(Arn arn, String service, Suite suite) {
        if (!arn.service().equals(service)) {
            return "ARN names service " + arn.service() + " where a " + service + " ARN is expected.";
        }
        String expectedRegion = GLOBAL.contains(service) ? "" : suite.region();
        StringBuilder wrong = new StringBuilder();
        part(wrong, "partition", arn.partition(), suite.partition());
        part(wrong, "region", arn.region(), expectedRegion);
        part(wrong, "account", arn.account(), suite.account());
        return wrong.length() == 0 ? null : "ARN has " + wrong + ".";
    }

    /** {@code arn}: the resource parsed, null when it is not an ARN. */
    private void pattern(Located resource, Arn arn, LocatedDocument doc, Suite suite, Findings findings) {
        String text = resource.value();
        if (text.equals("*")) {
            return;
        }
        if (!text.startsWith("arn:")) {
            findings.at(INFO, doc, resource.pointer(), "resource " + text + " is not an ARN or *; IAM matches nothing"
                    + " with it.");
            return;
        }
        if (arn == null) {
            findings.at(INFO, doc, resource.pointer(), "resource " + text + " is not a well-formed ARN"
                    + " (arn:partition:service:region:account:resource).");
            return;
        }
        StringBuilder wrong = new StringBuilder();
        if (!wild(arn.partition())) {
            part(wrong, "partition", arn.partition(), suite.partition());
        }
        if (!wild(arn.region()) && !arn.region().isEmpty() && !GLOBAL.contains(arn.service())) {
            part(wrong, "region", arn.region(), suite.region());
        }
        boolean awsManagedPolicy = arn.service().equals("iam") && arn.account().equals("aws") && arn.resource().startsWith("policy/");
        if (!wild(arn.account()) && !arn.account().isEmpty() && !awsManagedPolicy) {
            part(wrong, "account", arn.account(), suite.account());
        }
        if (wrong.length() > 0) {
            findings.at(INFO, doc, resource.pointer(), "resource ARN has " + wrong + ".");
        }
    }

    private static boolean wild(String part) {
        return part.contains("*") || part.contains("?") || part.contains("${");
    }

    private static void part(StringBuilder wrong, String what, String actual, String expected) {
        if (!actual.equals(expected)) {
            if (wrong.length() > 0) {
                wrong.append(", ");
            }
            wrong.append(what).append(' ').append(actual.isEmpty() ? "(empty)" : actual).append(" instead of ")
                    .append(expected.isEmpty() ? "(empty)" : expected);
        }
    }
}
