package com.amply.policysuite.rules.iam;

import com.amply.policysuite.access.AccessCheckResult;
import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.policy.ForbiddenAccess;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;

/**
 * No role can reach the secrets of an environment it does not read: proved with the exact offline analyzer
 * (the same question as {@code check-access-not-granted}), with a concrete counterexample when it fails.
 */
public final class RolesReachOnlyTheirEnvironments implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM006", "Roles reach only their own environments' secrets", Severity.ERROR,
            "The CI role may read staging and sandbox, never prod; prod's ECS roles never staging. Checked exactly over"
                    + " every action and ARN the policies' wildcards can match, not by examples, so a wildcard such as"
                    + " amply/* is caught. Where the analysis cannot finish within its budget, that is a failure too.",
            "https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * A readable counterexample: the analyzer's own, replaced by a catalog secret of that environment when one is
     * reachable with the same action (amply/prod/database-url-Xy12Ab reads better than amply/prod/).
     */
    private static String example(RepositoryModel repository, CompiledPolicy compiled, String environment, AccessCheckResult r) {
        String action = r.exampleAction().orElse("secretsmanager:GetSecretValue");
        for (var secret : repository.suite().secrets()) {
            String arn = repository.suite().secretArn(environment, secret.name()) + "-Xy12Ab";
            if (compiled.decide(action, arn).allowed()) {
                return action + " on " + arn;
            }
        }
        return action + " on " + r.exampleResource().orElse(repository.suite().secretArn(environment, "*"));
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        if (repository.suite() == null) {
            return;
        }
        for (ForbiddenAccess q : ForbiddenAccess.of(repository.suite())) {
            RolePolicy role = repository.rolePolicies().get(q.role().name());
            if (role == null) {
                continue;
            }
            if (q.access().stream().allMatch(role::provablyNotGranted)) {
                continue; // no Allow statement can match those secrets at all
            }
            String who = q.role().kind().word() + " role " + q.role().name();
            CompiledPolicy compiled = role.compiled();
            if (compiled == null) {
                RoleStatements.atRole(INFO, repository, q.role(), who + " could not be proved unable to reach "
                        + q.environment() + " secrets: its policies are too complex to analyse within budget ("
                        + role.compilation() + "); simplify them.", findings);
                continue;
            }
            AccessCheckResult r = compiled.checkAccessNotGranted(q.access());
            if (r.passed()) {
                continue;
            }
            int statement = RoleStatements.firstStatement(r.reasons());
            String example = example(repository, compiled, q.environment(), r);
            String tooComplex = r.tooComplex() ? " (the analysis exceeded its budget, so it could not prove otherwise)" : "";
            RoleStatements.at(INFO, repository, role, statement, who + " can reach " + q.environment() + " secrets: "
                    + RoleStatements.describe(role, statement) + " allows " + example + tooComplex + "; it may read only "
                    + q.role().readableEnvironments() + ".", findings);
        }
    }
}
