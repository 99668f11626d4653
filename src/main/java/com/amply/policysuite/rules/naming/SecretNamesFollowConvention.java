package com.amply.policysuite.rules.naming;

import com.amply.policysuite.model.Arn;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SecretArn;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * Secret names follow {@code <app>/<env>/<kebab-name>} with a declared environment: catalog names, task
 * definition references and the secret part of policy resources.
 */
public final class SecretNamesFollowConvention implements Rule {
    static final RuleInfo INFO = new RuleInfo("NAME001", "Secret names follow <app>/<env>/<kebab-name>", Severity.ERROR,
            "Environment isolation rests on the environment being the second part of every secret name: policies grant"
                    + " amply/prod/* and checks compare that part. A legacy name without an environment"
                    + " (amply/database-url) or a misspelt one (amply/Prod/Database_URL) escapes both.",
            Docs.SECRETS_NAMES);

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
            if (!SecretName.isKebab(s.name())) {
                findings.at(INFO, repository.suiteDocument(), s.pointer() + "/name", "catalog secret name " + s.name()
                        + " must be kebab-case (lower-case letters, digits, single hyphens); name it " + kebab(s.name()) + ".");
            }
        }
        for (TaskDefinition td : repository.taskDefinitions()) {
            for (SecretReference ref : td.secretReferences()) {
                SecretArn arn = ref.arn().orElse(null);
                if (arn != null) {
                    // the reference's name is split already
                    String problem = problem(arn.secretName(), ref.name().orElse(null), suite);
                    if (problem != null) {
                        findings.at(INFO, td.document(), ref.valueFromPointer(), problem);
                    }
                }
            }
        }
        for (Policy policy : repository.policies()) {
            for (Policy.Statement st : policy.statements()) {
                for (int i = 0; i < st.resources().size(); i++) {
                    Located r = st.resources().get(i);
                    Arn arn = st.resourceArns().get(i).orElse(null);
                    if (arn == null || !arn.service().equals("secretsmanager") || !arn.resource().startsWith("secret:")) {
                        continue;
                    }
                    String problem = patternProblem(arn.resource().substring("secret:".length()), suite);
                    if (problem != null) {
                        findings.at(INFO, policy.document(), r.pointer(), problem);
                    }
                }
            }
        }
    }

    /** What is wrong with a concrete secret name, or null. */
    static String problem(String name, Suite suite) {
        return problem(name, SecretName.split(name).orElse(null), suite);
    }

    /** {@link #problem(String, Suite)} with {@code name} already split ({@code parts} null when it does not split). */
    private static String problem(String name, SecretName parts, Suite suite) {
        String app = suite.app();
        if (parts == null) {
            String[] segments = name.split("/", -1);
            if (segments.length == 2 && segments[0].equals(app)) {
                return "secret " + name + " has no environment; use " + app + "/<env>/" + segments[1] + " with env one of "
                        + suite.environments() + ".";
            }
            return "secret " + name + " does not follow " + app + "/<env>/<kebab-name>.";
        }
        if (!parts.app().equals(app)) {
            return "secret " + name + " must start with " + app + "/, the app prefix of suite.yaml.";
        }
        if (!suite.isEnvironment(parts.environment())) {
            String lower = parts.environment().toLowerCase(java.util.Locale.ROOT);
            String hint = suite.isEnvironment(lower) ? "; use " + lower : "; use one of " + suite.environments();
            return "secret " + name + " names environment " + parts.environment() + ", which is not declared" + hint + ".";
        }
        if (!SecretName.isKebab(parts.name())) {
            return "secret " + name + " must end in a kebab-case name (lower-case letters, digits, single hyphens), such as "
                    + app + "/" + parts.environment() + "/" + kebab(parts.name()) + ".";
        }
        return null;
    }

    /**
     * What is wrong with a policy's secret-name pattern, or null. Only the parts before the first wildcard can be
     * judged: {@code amply/prod/*} is fine, {@code amply/database-url-??????} has no environment.
     */
    static String patternProblem(String pattern, Suite suite) {
        if (pattern.equals("*")) {
            return null;
        }
        boolean wildcard = pattern.contains("*") || pattern.contains("?");
        if (!wildcard) {
            // a concrete name, possibly with its random suffix
            String name = SecretArn.hasSuffixShape(pattern) ? pattern.substring(0, pattern.length() - 7) : pattern;
            String problem = problem(name, suite);
            return problem == null || problem(pattern, suite) == null ? null : problem;
        }
        // the first two '/'-separated segments, found in place: policies name thousands of these patterns
        int first = pattern.indexOf('/');
        if (first < 0) {
            return null;
        }
        int second = pattern.indexOf('/', first + 1);
        String head = pattern.substring(0, first);
        String env = pattern.substring(first + 1, second < 0 ? pattern.length() : second);
        String app = suite.app();
        boolean underApp = head.equals(app);
        if (!underApp && !head.contains("*") && !head.contains("?")) {
            return "secret pattern " + pattern + " must start with " + app + "/.";
        }
        if (second < 0 && underApp && !env.contains("*")) {
            // '?' never matches '/', so this can only match an environment-less name
            return "secret pattern " + pattern + " matches only names without an environment; use " + app
                    + "/<env>/" + env + ".";
        }
        if (second >= 0 && underApp && !env.contains("*") && !env.contains("?") && !suite.isEnvironment(env)) {
            return "secret pattern " + pattern + " names environment " + env + ", which is not declared; use one of "
                    + suite.environments() + ".";
        }
        return null;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(java.util.Locale.ROOT)
                .replaceAll("-+", "-");
    }
}
