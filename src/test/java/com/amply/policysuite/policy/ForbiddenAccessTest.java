package com.amply.policysuite.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.access.AccessEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForbiddenAccessTest {
    private static final String SECRETS = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/";

    @Test
    void each_role_must_not_reach_the_environments_it_does_not_read_ci_not_prod_and_ecs_roles_only_their_own() {
        List<ForbiddenAccess> all = ForbiddenAccess.of(FixtureRepository.load(Path.of(".")).suite());

        assertThat(all).extracting(ForbiddenAccess::describe).containsExactly(
                "amply-prod-api-execution must not reach staging secrets",
                "amply-prod-api-execution must not reach sandbox secrets",
                "amply-prod-api-task must not reach staging secrets",
                "amply-prod-api-task must not reach sandbox secrets",
                "amply-staging-api-execution must not reach prod secrets",
                "amply-staging-api-execution must not reach sandbox secrets",
                "amply-staging-api-task must not reach prod secrets",
                "amply-staging-api-task must not reach sandbox secrets",
                "amply-sandbox-api-execution must not reach prod secrets",
                "amply-sandbox-api-execution must not reach staging secrets",
                "amply-sandbox-api-task must not reach prod secrets",
                "amply-sandbox-api-task must not reach staging secrets",
                "amply-ci-deploy must not reach prod secrets");
        assertThat(all.get(12).access()).containsExactly(
                new AccessEntry(List.of("secretsmanager:*"), List.of(SECRETS + "prod/*")));
    }

    @Test
    void every_question_passes_offline_for_this_repository() {
        var model = FixtureRepository.load(Path.of("."));
        for (ForbiddenAccess q : ForbiddenAccess.of(model.suite())) {
            assertThat(model.rolePolicies().get(q.role().name()).compiled().checkAccessNotGranted(q.access()).passed())
                    .as(q.describe()).isTrue();
        }
    }
}
