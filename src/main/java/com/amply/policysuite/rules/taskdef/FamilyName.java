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
        String app = suite.app();
        if (family == null || !family.startsWith(app) || family.length() <= app.length() || family.charAt(app.length()) != '-') {
            return Optional.empty();
        }
        int from = app.length() + 1;
        String best = null;
        for (String env : suite.environments()) {
            int dash = from + env.length();
            // <env>- followed by at least one character; no strings built to compare (rules ask for every task definition)
            if (family.length() > dash + 1 && family.charAt(dash) == '-' && family.startsWith(env, from)
                    && (best == null || env.length() > best.length())) {
                best = env;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Parts(best, family.substring(from + best.length() + 1)));
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
