package com.amply.policysuite.rules.taskdef;

import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import java.util.Optional;

/** Reading {@code <app>-<env>-<service>} family names back into their parts. */
public final class FamilyName {
    private FamilyName() {
    }

    /** The parts of a family name, when it starts with the app and a declared environment. */
    public record Parts(String environment, String service) {
    }

    public static Optional<Parts> parse(String family, Suite suite) {
        if (family == null || !family.startsWith(suite.app() + "-")) {
            return Optional.empty();
        }
        String rest = family.substring(suite.app().length() + 1);
        Parts best = null;
        for (String env : suite.environments()) {
            if (rest.startsWith(env + "-") && rest.length() > env.length() + 1
                    && (best == null || env.length() > best.environment().length())) {
                best = new Parts(env, rest.substring(env.length() + 1));
            }
        }
        return Optional.ofNullable(best);
    }

    /** The declared service of a task definition in {@code env}, read from its family name. */
    public static Optional<String> service(TaskDefinition td, Suite suite, String env) {
        if (td.family() == null) {
            return Optional.empty();
        }
        return parse(td.family().value(), suite)
                .filter(p -> p.environment().equals(env))
                .map(Parts::service)
                .filter(s -> suite.service(s).isPresent());
    }
}
