package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.Arn;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleKind;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.Optional;

/**
 * {@code executionRoleArn} and {@code taskRoleArn} name the declared ECS roles of the task definition's own
 * environment and service, each of the right kind.
 */
public final class TaskDefinitionUsesOwnRoles implements Rule {
    static final RuleInfo INFO = new RuleInfo("TD003", "Task definition uses its own environment's roles", Severity.ERROR,
            "The execution role injects the secrets and the task role is what the code runs as. A prod task with a"
                    + " staging role (or the execution role as task role) crosses environments or grants the code"
                    + " the power to read every injected secret.",
            Docs.ECS_EXECUTION_ROLE);

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
            if (env == null) {
                continue;
            }
            String service = FamilyName.service(td, suite, env).orElse(null);
            check(td, suite, env, service, td.executionRoleArn(), "executionRoleArn", RoleKind.ECS_EXECUTION, findings);
            check(td, suite, env, service, td.taskRoleArn(), "taskRoleArn", RoleKind.ECS_TASK, findings);
        }
    }

    private void check(TaskDefinition td, Suite suite, String env, String service, Located arn, String key, RoleKind kind,
                       Findings findings) {
        Optional<RoleSpec> expected = service == null ? Optional.empty() : suite.ecsRole(kind, env, service);
        // the advice is only built for a finding
        java.util.function.Supplier<String> use = () -> expected.map(r -> "; use " + suite.roleArn(r.name())).orElse("");
        if (arn == null) {
            if (td.document().root().path(key).isMissingNode()) {
                findings.at(INFO, td.document(), "", env + " task definition has no " + key + use.get() + ".");
            }
            return;
        }
        String roleName = roleName(arn.value());
        if (roleName == null) {
            findings.at(INFO, td.document(), arn.pointer(), key + " is not an IAM role ARN (arn:" + suite.partition()
                    + ":iam::" + suite.account() + ":role/NAME)" + use.get() + ".");
            return;
        }
        RoleSpec role = suite.role(roleName).orElse(null);
        if (role == null) {
            findings.at(INFO, td.document(), arn.pointer(), key + " names role " + roleName
                    + ", which suite.yaml does not declare" + use.get() + ".");
        } else if (role.environment() != null && !role.environment().equals(env)) {
            findings.at(INFO, td.document(), arn.pointer(), env + " task definition must not use " + role.environment()
                    + " role " + roleName + use.get() + ".");
        } else if (role.kind() != kind) {
            findings.at(INFO, td.document(), arn.pointer(), key + " names the " + role.kind().word() + " role " + roleName
                    + "; it needs the " + kind.word() + " role" + use.get() + ".");
        } else if (expected.isPresent() && !expected.get().name().equals(roleName)) {
            findings.at(INFO, td.document(), arn.pointer(), key + " names role " + roleName + " of service " + role.service()
                    + use.get() + ".");
        }
    }

    /** The role name of {@code arn:<partition>:iam::<account>:role/[path/]NAME}, or null. */
    static String roleName(String text) {
        Arn arn = Arn.parse(text).orElse(null);
        if (arn == null || !arn.service().equals("iam") || !arn.resource().startsWith("role/")) {
            return null;
        }
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        return name.isEmpty() ? null : name;
    }
}
