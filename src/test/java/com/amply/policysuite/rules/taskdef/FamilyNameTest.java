package com.amply.policysuite.rules.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.RandomText;
import com.amply.policysuite.model.Suite;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Family names read back into environment and service, against the string-building reading it replaced. */
class FamilyNameTest {
    // "prod" and "prod-eu" overlap, so the longest declared environment must win
    private static final Suite SUITE = new Suite("amply", "aws", "123456789012", "eu-central-1",
            List.of("prod", "staging", "prod-eu"), List.of(), List.of(), List.of());

    @Test
    void family_names_split_into_environment_and_service() {
        assertThat(FamilyName.parse("amply-prod-api", SUITE)).contains(new FamilyName.Parts("prod", "api"));
        assertThat(FamilyName.parse("amply-prod-eu-api", SUITE)).contains(new FamilyName.Parts("prod-eu", "api"));
        assertThat(FamilyName.parse("amply-prod-", SUITE)).isEmpty();
        assertThat(FamilyName.parse("amplyprod-api", SUITE)).isEmpty();
        assertThat(FamilyName.parse("amply", SUITE)).isEmpty();
        assertThat(FamilyName.parse(null, SUITE)).isEmpty();
    }

    @Test
    void agrees_with_the_reading_by_prefixes_on_random_names() {
        String[] parts = {"amply", "-", "prod", "staging", "eu", "api", "x"};
        Random random = new Random(3L);
        for (int i = 0; i < 100_000; i++) {
            String f = RandomText.of(random, 7, parts);
            assertThat(FamilyName.parse(f, SUITE)).as(f).isEqualTo(byPrefixes(f));
        }
    }

    private static Optional<FamilyName.Parts> byPrefixes(String family) {
        if (!family.startsWith(SUITE.app() + "-")) {
            return Optional.empty();
        }
        String rest = family.substring(SUITE.app().length() + 1);
        FamilyName.Parts best = null;
        for (String env : SUITE.environments()) {
            if (rest.startsWith(env + "-") && rest.length() > env.length() + 1
                    && (best == null || env.length() > best.environment().length())) {
                best = new FamilyName.Parts(env, rest.substring(env.length() + 1));
            }
        }
        return Optional.ofNullable(best);
    }
}
