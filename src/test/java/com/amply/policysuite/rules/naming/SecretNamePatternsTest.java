package com.amply.policysuite.rules.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.model.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NAME001's reading of the secret part of policy resources, including its shortcut for the common shape. */
class SecretNamePatternsTest {
    private static final Suite SUITE = new Suite("amply", "aws", "123456789012", "eu-central-1",
            List.of("prod", "staging", "prod-eu"), List.of(), List.of(), List.of());

    @Test
    void patterns_under_a_declared_environment_are_fine() {
        for (String p : List.of("amply/prod/*", "amply/prod/db-??????", "amply/prod-eu/*", "amply/staging/a/b*", "*",
                "amply/prod/database-url-AbCdEf", "amply/*")) {
            assertThat(SecretNamesFollowConvention.patternProblem(p, SUITE)).as(p).isNull();
        }
    }

    @Test
    void patterns_off_the_convention_are_problems() {
        assertThat(SecretNamesFollowConvention.patternProblem("amply/produ/*", SUITE)).contains("names environment produ");
        assertThat(SecretNamesFollowConvention.patternProblem("amply/pro/*", SUITE)).contains("names environment pro");
        assertThat(SecretNamesFollowConvention.patternProblem("amply/database-url-??????", SUITE))
                .contains("matches only names without an environment");
        assertThat(SecretNamesFollowConvention.patternProblem("other/prod/*", SUITE)).contains("must start with amply/");
        assertThat(SecretNamesFollowConvention.patternProblem("amply/database-url-AbCdEf", SUITE)).contains("has no environment");
        assertThat(SecretNamesFollowConvention.patternProblem("amply/Prod/Database_URL", SUITE)).contains("names environment Prod");
    }
}
