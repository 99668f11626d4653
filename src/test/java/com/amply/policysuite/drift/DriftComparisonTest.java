package com.amply.policysuite.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.drift.LiveEnvironment.Container;
import com.amply.policysuite.drift.LiveEnvironment.PayloadCheck;
import com.amply.policysuite.drift.LiveEnvironment.Role;
import com.amply.policysuite.drift.LiveEnvironment.RolePolicy;
import com.amply.policysuite.drift.LiveEnvironment.Secret;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Rotation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The comparison on this repository's own content against hand-made live snapshots: no emulator, no AWS. */
class DriftComparisonTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String ACCOUNT_SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:";

    private static RepositoryModel model;
    private static DriftComparison comparison;

    @BeforeAll
    static void load() throws Exception {
        model = new RepositoryLoader().load(Path.of("."));
        comparison = new DriftComparison(model, new CanonicalPolicyEquivalence(), NOW);
    }

    private static DriftScope prod() {
        return DriftScope.of(model, "prod");
    }

    private static LiveEnvironment untouched(DriftScope scope) {
        return LiveSnapshots.matching(model, scope, NOW.minus(Duration.ofDays(30)));
    }

    private static LiveEnvironment withSecrets(LiveEnvironment live, List<Secret> secrets) {
        return new LiveEnvironment(live.environment(), secrets, live.families(), live.taskDefinitions(), live.roles(),
                live.payloads());
    }

    private static List<Secret> replaceSecret(LiveEnvironment live, Secret replacement) {
        List<Secret> out = new ArrayList<>();
        for (Secret s : live.secrets()) {
            out.add(s.name().equals(replacement.name()) ? replacement : s);
        }
        return out;
    }

    @Test
    void an_account_that_matches_the_repository_has_no_drift() {
        for (String env : model.suite().environments()) {
            DriftScope scope = DriftScope.of(model, env);
            assertThat(comparison.compare(scope, untouched(scope))).as(env).isEmpty();
        }
    }

    @Test
    void a_catalog_secret_that_does_not_exist_is_missing() {
        LiveEnvironment live = untouched(prod());
        List<Secret> secrets = new ArrayList<>(live.secrets());
        secrets.removeIf(s -> s.name().equals("amply/prod/sentry-dsn"));
        assertThat(comparison.compare(prod(), withSecrets(live, secrets))).containsExactly(new DriftItem(DriftKind.MISSING,
                "secret:amply/prod/sentry-dsn", "the catalog (suite.yaml) declares it; the account has no such secret"));
    }

    @Test
    void a_secret_under_the_prefix_that_the_catalog_lacks_is_unmanaged() {
        LiveEnvironment live = untouched(prod());
        List<Secret> secrets = new ArrayList<>(live.secrets());
        secrets.add(new Secret("amply/prod/old-token", false, null, NOW, null));
        assertThat(comparison.compare(prod(), withSecrets(live, secrets))).containsExactly(new DriftItem(DriftKind.UNMANAGED,
                "secret:amply/prod/old-token", "not in the catalog (suite.yaml secrets); add it to the catalog or delete it"));
    }

    @Test
    void a_catalog_secret_scheduled_for_deletion_is_missing_with_its_date() {
        LiveEnvironment live = untouched(prod());
        Secret deleted = new Secret("amply/prod/redis-url", false, null, NOW, Instant.parse("2026-12-11T08:00:00Z"));
        assertThat(comparison.compare(prod(), withSecrets(live, replaceSecret(live, deleted)))).containsExactly(
                new DriftItem(DriftKind.MISSING, "secret:amply/prod/redis-url", "scheduled for deletion on 2026-12-11 and"
                        + " unreadable until then; restore it (restore-secret) or remove it from the catalog"));
    }

    @Test
    void automatic_rotation_on_a_manual_secret_is_changed() {
        LiveEnvironment live = untouched(prod());
        Secret rotating = new Secret("amply/prod/database-url", true, 30, NOW, null);
        assertThat(comparison.compare(prod(), withSecrets(live, replaceSecret(live, rotating)))).containsExactly(
                new DriftItem(DriftKind.CHANGED, "secret:amply/prod/database-url",
                        "automatic rotation is on live (every 30 days); the catalog says manual"));
    }

    @Test
    void an_annual_key_changed_more_than_365_days_ago_is_overdue_and_one_changed_within_is_not() {
        LiveEnvironment live = untouched(prod());
        Secret old = new Secret("amply/prod/session-secret", false, null, NOW.minus(Duration.ofDays(400)), null);
        assertThat(comparison.compare(prod(), withSecrets(live, replaceSecret(live, old)))).containsExactly(
                new DriftItem(DriftKind.OVERDUE, "secret:amply/prod/session-secret",
                        "last changed on 2025-10-30, 400 days ago; annual rotation allows 365 days"));
        Secret recent = new Secret("amply/prod/session-secret", false, null, NOW.minus(Duration.ofDays(365)), null);
        assertThat(comparison.compare(prod(), withSecrets(live, replaceSecret(live, recent)))).isEmpty();
    }

    @Test
    void automatic_rotation_is_compared_by_days_and_overdue_after_days_plus_grace() {
        DriftScope base = prod();
        Map<String, CatalogSecret> catalog = new LinkedHashMap<>(base.catalogSecrets());
        CatalogSecret db = catalog.get("amply/prod/database-url");
        catalog.put("amply/prod/database-url", new CatalogSecret(db.name(), db.purpose(), new Rotation.Automatic(30),
                db.schema(), db.environments(), db.readBy(), db.kmsKeyArn(), db.pointer()));
        DriftScope scope = new DriftScope("prod", base.secretPrefix(), catalog, base.familyPrefix(),
                base.taskDefinitions(), base.roles());
        LiveEnvironment live = untouched(scope);
        String resource = "secret:amply/prod/database-url";

        assertThat(comparison.compare(scope, live)).containsExactly(new DriftItem(DriftKind.CHANGED, resource,
                "automatic rotation is off live; the catalog says automatic every 30 days"));
        Secret every60 = new Secret("amply/prod/database-url", true, 60, NOW.minus(Duration.ofDays(5)), null);
        assertThat(comparison.compare(scope, withSecrets(live, replaceSecret(live, every60)))).containsExactly(
                new DriftItem(DriftKind.CHANGED, resource, "rotates every 60 days live; the catalog says automatic every 30 days"));
        Secret lateButInGrace = new Secret("amply/prod/database-url", true, 30, NOW.minus(Duration.ofDays(37)), null);
        assertThat(comparison.compare(scope, withSecrets(live, replaceSecret(live, lateButInGrace)))).isEmpty();
        Secret overdue = new Secret("amply/prod/database-url", true, 30, NOW.minus(Duration.ofDays(38)), null);
        assertThat(comparison.compare(scope, withSecrets(live, replaceSecret(live, overdue)))).containsExactly(
                new DriftItem(DriftKind.OVERDUE, resource, "last changed on 2026-10-27, 38 days ago; automatic every 30 days"
                        + " rotation allows 37 days (30 + 7 days' grace)"));
    }

    private static LiveEnvironment withTaskDefinition(LiveEnvironment live, LiveEnvironment.TaskDefinition td) {
        Map<String, LiveEnvironment.TaskDefinition> tds = new LinkedHashMap<>(live.taskDefinitions());
        tds.put(td.family(), td);
        return new LiveEnvironment(live.environment(), live.secrets(), live.families(), tds, live.roles(), live.payloads());
    }

    private static LiveEnvironment.TaskDefinition prodApi(LiveEnvironment live) {
        return live.taskDefinitions().get("amply-prod-api");
    }

    @Test
    void a_prod_task_definition_revision_reading_a_staging_secret_is_changed() {
        LiveEnvironment live = untouched(prod());
        LiveEnvironment.TaskDefinition td = prodApi(live);
        Container c = td.containers().get(0);
        Map<String, String> secrets = new LinkedHashMap<>(c.secrets());
        secrets.put("REDIS_URL", ACCOUNT_SECRET + "amply/staging/redis-url-Qq7Rr6");
        LiveEnvironment.TaskDefinition changed = new LiveEnvironment.TaskDefinition(td.family(), 4, td.taskRoleArn(),
                td.executionRoleArn(), List.of(new Container(c.name(), secrets, c.environmentNames())));
        assertThat(comparison.compare(prod(), withTaskDefinition(live, changed))).containsExactly(new DriftItem(
                DriftKind.CHANGED, "task-definition:amply-prod-api", "revision 4 container api: secret REDIS_URL reads"
                + " amply/staging/redis-url live; the repository says amply/prod/redis-url"));
    }

    @Test
    void secret_references_are_compared_without_the_random_suffix() {
        LiveEnvironment live = untouched(prod());
        // LiveSnapshots gives every live ARN another suffix than the repository's file
        assertThat(prodApi(live).containers().get(0).secrets().get("DATABASE_URL")).endsWith("-Zz9Yy8");
        assertThat(comparison.compare(prod(), live)).isEmpty();
    }

    @Test
    void environment_variable_names_and_role_arns_are_compared() {
        LiveEnvironment live = untouched(prod());
        LiveEnvironment.TaskDefinition td = prodApi(live);
        Container c = td.containers().get(0);
        List<String> env = new ArrayList<>(c.environmentNames());
        env.remove("LOG_LEVEL");
        env.add("DEBUG");
        LiveEnvironment.TaskDefinition changed = new LiveEnvironment.TaskDefinition(td.family(), 5,
                "arn:aws:iam::123456789012:role/amply-staging-api-task", td.executionRoleArn(),
                List.of(new Container(c.name(), c.secrets(), env)));
        assertThat(comparison.compare(prod(), withTaskDefinition(live, changed))).containsExactly(
                new DriftItem(DriftKind.CHANGED, "task-definition:amply-prod-api", "revision 5 container api: environment"
                        + " variable DEBUG is set live but not in task-definitions/prod/api.json"),
                new DriftItem(DriftKind.CHANGED, "task-definition:amply-prod-api", "revision 5 container api: environment"
                        + " variable LOG_LEVEL from task-definitions/prod/api.json is not set live"),
                new DriftItem(DriftKind.CHANGED, "task-definition:amply-prod-api", "revision 5 taskRoleArn is"
                        + " arn:aws:iam::123456789012:role/amply-staging-api-task live; the repository says"
                        + " arn:aws:iam::123456789012:role/amply-prod-api-task"));
    }

    @Test
    void a_live_family_the_repository_lacks_is_unmanaged_and_a_repository_family_not_live_is_missing() {
        LiveEnvironment live = untouched(prod());
        LiveEnvironment changed = new LiveEnvironment("prod", live.secrets(), List.of("amply-prod-worker"), Map.of(),
                live.roles(), null);
        assertThat(comparison.compare(prod(), changed)).containsExactly(
                new DriftItem(DriftKind.MISSING, "task-definition:amply-prod-api", "task-definitions/prod/api.json"
                        + " declares it; the account has no ACTIVE revision of this family"),
                new DriftItem(DriftKind.UNMANAGED, "task-definition:amply-prod-worker", "has ACTIVE revisions live but"
                        + " no file under task-definitions/prod/"));
    }

    private static LiveEnvironment withRole(LiveEnvironment live, Role role) {
        Map<String, Role> roles = new LinkedHashMap<>(live.roles());
        roles.put(role.name(), role);
        return new LiveEnvironment(live.environment(), live.secrets(), live.families(), live.taskDefinitions(), roles,
                live.payloads());
    }

    @Test
    void a_role_that_does_not_exist_is_missing() {
        LiveEnvironment live = untouched(prod());
        Map<String, Role> roles = new LinkedHashMap<>(live.roles());
        roles.remove("amply-prod-api-task");
        LiveEnvironment changed = new LiveEnvironment("prod", live.secrets(), live.families(), live.taskDefinitions(),
                roles, null);
        assertThat(comparison.compare(prod(), changed)).containsExactly(new DriftItem(DriftKind.MISSING,
                "role:amply-prod-api-task", "suite.yaml declares it; the account has no such role"));
    }

    @Test
    void a_ci_role_widened_to_every_amply_secret_is_changed_in_the_environments_it_reads() throws Exception {
        DriftScope staging = DriftScope.of(model, "staging");
        LiveEnvironment live = untouched(staging);
        String widened = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"secretsmanager:GetSecretValue",
                  "Resource":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/*"},
                 {"Effect":"Allow","Action":["ecs:DescribeTaskDefinition","ecs:RegisterTaskDefinition"],"Resource":"*"},
                 {"Effect":"Allow","Action":["ecs:DescribeServices","ecs:UpdateService"],
                  "Resource":["arn:aws:ecs:eu-central-1:123456789012:service/amply-staging/*",
                              "arn:aws:ecs:eu-central-1:123456789012:service/amply-sandbox/*"]},
                 {"Effect":"Allow","Action":"iam:PassRole",
                  "Resource":["arn:aws:iam::123456789012:role/amply-staging-*","arn:aws:iam::123456789012:role/amply-sandbox-*"],
                  "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]}
                """;
        List<DriftItem> items = comparison.compare(staging, withRole(live, new Role("amply-ci-deploy",
                List.of(new RolePolicy("inline policy deploy", widened), new RolePolicy("inline policy access-analyzer",
                        java.nio.file.Files.readString(java.nio.file.Path.of("policies/ci/access-analyzer.json")))))));
        assertThat(items).extracting(DriftItem::kind, DriftItem::resource).containsOnly(
                org.assertj.core.groups.Tuple.tuple(DriftKind.CHANGED, "role:amply-ci-deploy"));
        assertThat(items).extracting(DriftItem::detail).containsExactly(
                "live inline policy deploy allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/*; the repository does not",
                "policies/ci/deploy.json allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/sandbox/*; the live role does not",
                "policies/ci/deploy.json allows secretsmanager:getsecretvalue on"
                        + " arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/staging/*; the live role does not");
    }

    @Test
    void reordered_statements_and_reformatted_lists_are_not_drift() {
        LiveEnvironment live = untouched(prod());
        String reordered = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["logs:PutLogEvents","LOGS:CreateLogStream"],
                  "Resource":["arn:aws:logs:eu-central-1:123456789012:log-group:/ecs/amply-prod-api:*"]},
                 {"Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"},
                 {"Sid":"Other","Effect":"Allow","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","ecr:BatchCheckLayerAvailability"],
                  "Resource":"arn:aws:ecr:eu-central-1:123456789012:repository/amply-api"}]}
                """;
        String secrets = model.policies().stream().filter(p -> p.file().equals("policies/prod/api-execution.json"))
                .findFirst().orElseThrow().document().root().path("Statement").get(0).toString();
        Role role = new Role("amply-prod-api-execution", List.of(new RolePolicy("inline policy logs-and-images", reordered),
                new RolePolicy("managed policy arn:aws:iam::123456789012:policy/amply-prod-secrets",
                        "{\"Version\":\"2012-10-17\",\"Statement\":" + secrets + "}")));
        assertThat(comparison.compare(prod(), withRole(live, role))).isEmpty();
    }

    @Test
    void a_live_policy_that_is_not_json_is_changed() {
        LiveEnvironment live = untouched(prod());
        Role role = new Role("amply-prod-api-task", List.of(new RolePolicy("inline policy broken", "{not json")));
        assertThat(comparison.compare(prod(), withRole(live, role))).containsExactly(new DriftItem(DriftKind.CHANGED,
                "role:amply-prod-api-task", "inline policy broken is not a JSON policy document after URL-decoding;"
                        + " its access could not be compared"));
    }

    @Test
    void a_payload_with_violations_is_changed_and_names_the_schema_rule() {
        LiveEnvironment live = untouched(prod());
        Map<String, PayloadCheck> payloads = new LinkedHashMap<>();
        live.secrets().forEach(s -> payloads.put(s.name(), new PayloadCheck(s.name(), List.of())));
        payloads.put("amply/prod/stripe-secret-key", new PayloadCheck("amply/prod/stripe-secret-key",
                List.of("(payload) pattern: must start with sk_live_ in prod")));
        LiveEnvironment checked = new LiveEnvironment("prod", live.secrets(), live.families(), live.taskDefinitions(),
                live.roles(), payloads);
        assertThat(comparison.compare(prod(), checked)).containsExactly(new DriftItem(DriftKind.CHANGED,
                "secret:amply/prod/stripe-secret-key", "payload does not match schemas/stripe-secret-key.schema.json"
                        + " for prod: (payload) pattern: must start with sk_live_ in prod"));
    }

    @Test
    void account_wide_roles_are_compared_in_each_environment_they_read() {
        assertThat(DriftScope.of(model, "prod").roles()).extracting(r -> r.name())
                .containsExactly("amply-prod-api-execution", "amply-prod-api-task", "amply-drift-check");
        assertThat(DriftScope.of(model, "staging").roles()).extracting(r -> r.name())
                .containsExactly("amply-staging-api-execution", "amply-staging-api-task", "amply-ci-deploy",
                        "amply-drift-check");
    }
}
