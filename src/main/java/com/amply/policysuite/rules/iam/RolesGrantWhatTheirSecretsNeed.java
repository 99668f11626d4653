package com.amply.policysuite.rules.iam;

import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.Decision;
import com.amply.policysuite.access.Verdict;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleKind;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.SecretArn;
import com.amply.policysuite.model.SecretName;
import com.amply.policysuite.model.SecretReader;
import com.amply.policysuite.model.SecretReference;
import com.amply.policysuite.model.ServiceSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.taskdef.FamilyName;
import java.util.function.Supplier;

/**
 * The execution role of each environment grants {@code secretsmanager:GetSecretValue} on every secret its task
 * definitions inject (and {@code kms:Decrypt} on the secret's customer-managed key, where the catalog names one);
 * the task role grants the secrets application code reads ({@code readBy: app}).
 */
public final class RolesGrantWhatTheirSecretsNeed implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM007", "Roles grant the secrets their services need", Severity.ERROR,
            "A task whose execution role can't read one of its secrets fails to start, in production, at deploy time."
                    + " A frequent cause is a policy resource ...:secret:amply/prod/database-url without -?????? or *:"
                    + " real secret ARNs end in a hyphen and six random characters, so it matches nothing.",
            Docs.ECS_EXECUTION_ROLE);

    static final String GET = "secretsmanager:GetSecretValue";
    /** Stands in for the six random characters Secrets Manager appends, when the file doesn't give them. */
    static final String SAMPLE_SUFFIX = "Xy12Ab";

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
        for (TaskDefinition td : repository.taskDefinitions()) {
            String env = td.environment(suite).orElse(null);
            String service = env == null ? null : FamilyName.service(td, suite, env).orElse(null);
            RoleSpec role = service == null ? null : suite.ecsRole(RoleKind.ECS_EXECUTION, env, service).orElse(null);
            if (role == null) {
                continue; // TD003/TD005 report the missing pieces
            }
            RolePolicy policy = repository.rolePolicies().get(role.name());
            for (SecretReference ref : td.secretReferences()) {
                SecretArn arn = ref.arn().orElse(null);
                SecretName name = ref.name().orElse(null);
                if (arn == null || name == null || !env.equals(name.environment())) {
                    continue; // NAME001/NAME005/TD002 report those
                }
                String real = suite.secretArn(name.environment(), name.name(),
                        arn.randomSuffix() != null ? arn.randomSuffix() : SAMPLE_SUFFIX);
                mustGrant(role, policy, GET, real, td.document(), ref.valueFromPointer(),
                        () -> "ECS needs to inject " + ref.variable().name(), findings);
                CatalogSecret secret = suite.secret(name.name()).orElse(null);
                if (secret != null && secret.kmsKeyArn() != null) {
                    mustGrant(role, policy, "kms:Decrypt", secret.kmsKeyArn(), td.document(), ref.valueFromPointer(),
                            () -> "ECS needs to decrypt " + name + " (kmsKeyArn in suite.yaml)", findings);
                }
            }
        }
        for (ServiceSpec service : suite.services()) {
            for (String env : service.environments()) {
                RoleSpec role = suite.ecsRole(RoleKind.ECS_TASK, env, service.name()).orElse(null);
                if (role == null) {
                    continue;
                }
                RolePolicy policy = repository.rolePolicies().get(role.name());
                for (CatalogSecret secret : suite.secrets()) {
                    if (secret.readBy() == SecretReader.APP && secret.environments().contains(env)) {
                        mustGrant(role, policy, GET, suite.secretArn(env, secret.name(), SAMPLE_SUFFIX),
                                repository.suiteDocument(), secret.pointer() + "/readBy",
                                () -> "application code of " + service.name() + " needs: it reads " + suite.app() + "/" + env
                                        + "/" + secret.name() + " itself (readBy: app)", findings);
                    }
                }
            }
        }
    }

    /** {@code policy}: the role's combined policy, null when it has none. */
    private void mustGrant(RoleSpec role, RolePolicy policy, String action, String resource, LocatedDocument doc,
                           String pointer, Supplier<String> why, Findings findings) {
        var quick = policy == null ? java.util.Optional.<com.amply.policysuite.policy.StatementScreen.Screened>empty()
                : policy.quickDecision(action, resource);
        if (quick.isPresent()) {
            if (quick.get().verdict() != Verdict.ALLOWED) {
                report(policy, role, action, resource, quick.get().verdict(), doc, pointer, why, findings);
            }
            return;
        }
        CompiledPolicy compiled = policy == null ? null : policy.compiled();
        if (compiled == null) {
            findings.at(INFO, doc, pointer, who(role) + " could not be analysed (" + (policy == null ? "no policies"
                    : policy.compilation()) + "), so it is not known to grant " + action + " on " + resource + ".");
            return;
        }
        Decision d = compiled.decide(action, resource);
        if (!d.allowed()) {
            report(policy, role, action, resource, d.verdict(), doc, pointer, why, findings);
        }
    }

    private static String who(RoleSpec role) {
        return role.kind().word() + " role " + role.name();
    }

    private void report(RolePolicy policy, RoleSpec role, String action, String resource, Verdict verdict,
                        LocatedDocument doc, String pointer, Supplier<String> why, Findings findings) {
        String pitfall = action.equals(GET) ? pitfall(policy, resource) : "";
        findings.at(INFO, doc, pointer, who(role) + " does not grant " + action + " on " + resource + " ("
                + verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "), which " + why.get() + pitfall
                + "; grant it in " + String.join(", ", role.policies()) + ".");
    }

    /** Names a policy resource that is the secret's ARN without its random suffix, which matches nothing. */
    private static String pitfall(RolePolicy policy, String resource) {
        String bare = resource.substring(0, resource.lastIndexOf('-'));
        for (RolePolicy.Origin o : policy.origins()) {
            for (var r : o.statement().resources()) {
                if (r.value().equals(bare)) {
                    return "; " + o.policy().file() + " names " + bare + " without -?????? or *, which matches no real"
                            + " secret ARN (Secrets Manager appends a hyphen and six random characters)";
                }
            }
        }
        return "";
    }
}
