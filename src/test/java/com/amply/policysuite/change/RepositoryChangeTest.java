package com.amply.policysuite.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure comparison of two loaded repositories, without git. */
class RepositoryChangeTest {
    private static final String EXECUTION = "policies/prod/api-execution.json";

    @TempDir
    Path repo;

    private RepositoryModel base;

    @BeforeEach
    void copy() {
        for (String entry : List.of("suite.yaml", "policies", "task-definitions", "schemas")) {
            FixtureRepository.copy(Path.of(entry), repo.resolve(entry));
        }
        base = FixtureRepository.load(repo);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = repo.resolve(file);
        Files.writeString(p, Files.readString(p).replace(from, to));
    }

    @Test
    void no_change_is_no_difference() {
        RepositoryChange change = RepositoryChange.between(base, FixtureRepository.load(repo), "HEAD", Budget.defaults());
        assertThat(change.roles()).isEmpty();
        assertThat(change.secretReferences()).isEmpty();
        assertThat(change.changedPolicies()).isEmpty();
        assertThat(change.findings()).isEmpty();
    }

    @Test
    void a_prod_role_that_already_reads_prod_secrets_and_gains_another_is_new_prod_access() throws IOException {
        replace(EXECUTION, "secret:amply/prod/redis-url-??????", "secret:amply/prod/*");

        RepositoryChange change = RepositoryChange.between(base, FixtureRepository.load(repo), "main", Budget.defaults());

        assertThat(change.roles()).singleElement().satisfies(r -> {
            assertThat(r.role()).isEqualTo("amply-prod-api-execution");
            assertThat(r.newProdAccess().exampleResource())
                    .startsWith("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/");
            assertThat(r.removedAccess()).isNull();
        });
        assertThat(change.findings()).extracting(Finding::ruleId, Finding::file, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IAM025", EXECUTION, "/Statement/0"));
        assertThat(change.changedPolicies()).extracting(c -> c.current().file()).containsExactly(EXECUTION);
    }

    @Test
    void new_non_secret_access_is_new_access_but_not_new_prod_secret_access() throws IOException {
        replace("policies/ci/deploy.json", "\"ecs:RegisterTaskDefinition\"", "\"ecs:RegisterTaskDefinition\", \"ecs:ListClusters\"");

        RepositoryChange change = RepositoryChange.between(base, FixtureRepository.load(repo), "main", Budget.defaults());

        assertThat(change.roles()).singleElement().satisfies(r -> {
            assertThat(r.newAccess().exampleAction()).isEqualTo("ecs:ListClusters");
            assertThat(r.newProdAccess()).isNull();
        });
        assertThat(change.findings()).isEmpty();
    }
}
