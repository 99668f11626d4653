package com.amply.policysuite.policy;

import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * One access a role must not have: any Secrets Manager action on the secrets of an environment the role does not
 * read. A CI role must not reach the environments it does not list in {@code reads} (prod above all), and each
 * environment's ECS roles reach only their own environment's secrets. Pure: the suite configuration in, the
 * questions out, in role then environment order, for the offline analyzer and for AWS Access Analyzer alike.
 *
 * @param access one entry: {@code secretsmanager:*} on {@code arn:<partition>:secretsmanager:<region>:<account>:secret:<app>/<env>/*}
 */
public record ForbiddenAccess(RoleSpec role, String environment, List<AccessEntry> access) {
    /** Every Secrets Manager action, so that no present or future action reaches the secrets. */
    public static final String SECRETS_ACTIONS = "secretsmanager:*";

    public ForbiddenAccess {
        access = List.copyOf(access);
    }

    /** For every declared role, each declared environment it does not read. */
    public static List<ForbiddenAccess> of(Suite suite) {
        // one question per environment, shared by every role that must not reach it
        java.util.Map<String, List<AccessEntry>> questions = new java.util.HashMap<>();
        for (String environment : suite.environments()) {
            questions.put(environment, List.of(new AccessEntry(List.of(SECRETS_ACTIONS), List.of(secretsOf(suite, environment)))));
        }
        List<ForbiddenAccess> out = new ArrayList<>();
        for (RoleSpec role : suite.roles()) {
            for (String environment : suite.environments()) {
                if (!role.readableEnvironments().contains(environment)) {
                    out.add(new ForbiddenAccess(role, environment, questions.get(environment)));
                }
            }
        }
        return out;
    }

    /** {@code arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/*}: every secret of {@code environment}. */
    public static String secretsOf(Suite suite, String environment) {
        return suite.secretArn(environment, "*");
    }

    /** "amply-ci-deploy must not reach prod secrets", for messages. */
    public String describe() {
        return role.name() + " must not reach " + environment + " secrets";
    }
}
