package com.amply.policysuite.policy;

import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * The access no role may have: any Secrets Manager action on the secrets of an environment the role does not
 * read. A CI role that reads staging and sandbox must not reach prod; prod's ECS roles must not reach staging.
 * Pure: the suite in, the questions out; the offline analyzer and IAM Access Analyzer answer the same ones.
 */
public final class ForbiddenAccess {
    /** Every Secrets Manager action: reading, writing, rotating, deleting or re-permissioning a secret. */
    public static final String SECRETS_ACTIONS = "secretsmanager:*";

    private ForbiddenAccess() {
    }

    /** One question: {@code role} must not reach the secrets of {@code environment}. */
    public record Question(RoleSpec role, String environment, AccessEntry access) {
        /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<app>/<env>/*}. */
        public String secretsPattern() {
            return access.resources().get(0);
        }
    }

    public static List<Question> questions(Suite suite) {
        List<Question> out = new ArrayList<>();
        for (RoleSpec role : suite.roles()) {
            for (String env : suite.environments()) {
                if (!role.readableEnvironments().contains(env)) {
                    out.add(new Question(role, env, new AccessEntry(List.of(SECRETS_ACTIONS),
                            List.of(suite.secretArn(env, "*")))));
                }
            }
        }
        return out;
    }
}
