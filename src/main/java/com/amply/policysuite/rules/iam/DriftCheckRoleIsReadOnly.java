package com.amply.policysuite.rules.iam;

import com.amply.policysuite.authz.ActionInfo;
import com.amply.policysuite.authz.ServiceAuthorizationData;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleKind;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.Optional;
import java.util.Set;

/**
 * The drift-check role only reads: every action it is allowed has the access level List or Read in AWS's
 * service authorization data, and it uses no Allow with NotAction.
 */
public final class DriftCheckRoleIsReadOnly implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM009", "The drift-check role is read-only", Severity.ERROR,
            "The drift check runs unattended on a schedule with credentials in CI. If those leak, they must not be able"
                    + " to change a secret, a task definition or a role.",
            "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html");

    private static final Set<String> READ_ONLY = Set.of("List", "Read");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        if (repository.suite() == null) {
            return;
        }
        ServiceAuthorizationData data = ServiceAuthorizationData.bundled();
        for (RoleSpec role : repository.suite().roles()) {
            RolePolicy policy = repository.rolePolicies().get(role.name());
            if (role.kind() != RoleKind.DRIFT_CHECK || policy == null) {
                continue;
            }
            for (RolePolicy.Origin o : policy.origins()) {
                if (!"Allow".equals(o.statement().effect())) {
                    continue;
                }
                if (o.statement().notAction()) {
                    findings.at(INFO, o.policy().document(), o.statement().pointer(), "drift-check role " + role.name()
                            + " uses Allow with NotAction, which grants every write action not listed; list read actions.");
                    continue;
                }
                for (Located a : o.statement().actions()) {
                    Optional<ActionInfo> write = data.actionsMatching(a.value()).stream()
                            .map(data::action).flatMap(Optional::stream)
                            .filter(info -> info.accessLevel().map(level -> !READ_ONLY.contains(level)).orElse(false))
                            .findFirst();
                    if (a.value().equals("*") || write.isPresent()) {
                        String example = write.map(w -> w.fullName() + " (" + w.accessLevel().orElse("?") + ")")
                                .orElse("every action");
                        findings.at(INFO, o.policy().document(), a.pointer(), "drift-check role " + role.name()
                                + " is allowed " + a.value() + ", which includes " + example
                                + "; it may only list and read.");
                    }
                }
            }
        }
    }
}
