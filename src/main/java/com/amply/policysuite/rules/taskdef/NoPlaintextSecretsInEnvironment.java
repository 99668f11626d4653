package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.model.TaskDefinition.Container;
import com.amply.policysuite.model.TaskDefinition.Variable;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No secret in {@code containerDefinitions[].environment}: plain environment variables are stored in the task
 * definition, shown in the console and returned by DescribeTaskDefinition to anyone with read access.
 */
public final class NoPlaintextSecretsInEnvironment implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD007", "No plaintext secrets in container environment", Severity.ERROR,
            "Values in environment are plaintext in the task definition: visible to everyone who can describe it and"
                    + " kept in every revision. Secrets belong in secrets[].valueFrom, which ECS resolves at start.",
            Docs.ECS_SECRETS);

    /** Variable names that say "secret": a word such as PASSWORD, SECRET, TOKEN or PRIVATE_KEY between underscores. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|SECRET_KEY|ACCESS_KEY|SIGNING_KEY|"
                    + "ENCRYPTION_KEY|CREDENTIALS?|DSN)(?:_|$)");
    /** Names that only point at a secret, never hold one. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(".*_(?:ARN|NAME|ID|PATH|FILE|REGION|TTL|EXPIRY|LENGTH|HEADER)$");
    /** Values that look like key material or a URL with credentials. */
    private static final List<ValueShape> SECRET_VALUES = List.of(
            new ValueShape("a Stripe key", Pattern.compile("\\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}")),
            new ValueShape("a Stripe webhook secret", Pattern.compile("\\bwhsec_[A-Za-z0-9]{8,}")),
            new ValueShape("a PEM private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
            new ValueShape("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new ValueShape("a URL with a password", Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@")));

    private record ValueShape(String description, Pattern pattern) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        Suite suite = repository.suite();
        Map<String, CatalogSecret> byVariable = new HashMap<>();
        if (suite != null) {
            suite.secrets().forEach(s -> byVariable.put(SecretName.variableName(s.name()), s));
        }
        for (TaskDefinition td : repository.taskDefinitions()) {
            String env = suite == null ? null : td.environment(suite).orElse(null);
            for (Container c : td.containers()) {
                for (Variable v : c.environment()) {
                    String why = reason(v, byVariable);
                    if (why == null) {
                        continue;
                    }
                    CatalogSecret secret = v.name() == null ? null : byVariable.get(v.name());
                    String fix = secret != null && env != null
                            ? "; move it to secrets with valueFrom " + suite.secretArn(env, secret.name())
                            : "; store it in Secrets Manager and reference it from secrets[].valueFrom";
                    findings.at(INFO, td.document(), v.pointer(), "environment variable "
                            + (v.name() == null ? "#" + v.pointer().substring(v.pointer().lastIndexOf('/') + 1) : v.name())
                            + " " + why + fix + ".");
                }
            }
        }
    }

    /** Why the variable looks like a secret, or null. Never quotes the value. */
    private static String reason(Variable v, Map<String, CatalogSecret> byVariable) {
        if (v.value() != null) {
            for (ValueShape shape : SECRET_VALUES) {
                if (shape.pattern().matcher(v.value()).find()) {
                    return "holds what looks like " + shape.description() + " in plaintext";
                }
            }
        }
        if (v.name() == null) {
            return null;
        }
        CatalogSecret secret = byVariable.get(v.name());
        if (secret != null) {
            return "is the catalog secret " + secret.name() + " in plaintext";
        }
        if (SECRET_NAME.matcher(v.name()).find() && !REFERENCE_NAME.matcher(v.name()).matches()) {
            return "has a secret's name and its value is plaintext";
        }
        return null;
    }
}
