package com.amply.policysuite.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The suite configuration ({@code suite.yaml}): the app prefix, the account, the environments, the services,
 * the secret catalog and the roles. It also owns the naming conventions, so rules ask it for expected names.
 */
public final class Suite {
    private final String app;
    private final String partition;
    private final String account;
    private final String region;
    private final List<String> environments;
    /** {@code arn:<partition>:secretsmanager:<region>:<account>:secret:<app>/}, made once. */
    private final String secretArnPrefix;
    private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
    private final Map<String, CatalogSecret> secrets = new LinkedHashMap<>();
    private final Map<String, RoleSpec> roles = new LinkedHashMap<>();
    private final Map<String, String> policyOwners = new LinkedHashMap<>();
    private final Map<String, RoleSpec> ecsRoles = new LinkedHashMap<>();
    private final List<SeverityOverride> severityOverrides;

    public Suite(String app, String partition, String account, String region, List<String> environments,
                 List<ServiceSpec> services, List<CatalogSecret> secrets, List<RoleSpec> roles) {
        this(app, partition, account, region, environments, services, secrets, roles, List.of());
    }

    public Suite(String app, String partition, String account, String region, List<String> environments,
                 List<ServiceSpec> services, List<CatalogSecret> secrets, List<RoleSpec> roles,
                 List<SeverityOverride> severityOverrides) {
        this.severityOverrides = List.copyOf(severityOverrides);
        this.app = app;
        this.partition = partition;
        this.account = account;
        this.region = region;
        this.environments = List.copyOf(environments);
        this.secretArnPrefix = "arn:" + partition + ":secretsmanager:" + region + ":" + account + ":secret:" + app + "/";
        services.forEach(s -> this.services.putIfAbsent(s.name(), s));
        secrets.forEach(s -> this.secrets.putIfAbsent(s.name(), s));
        roles.forEach(r -> {
            this.roles.putIfAbsent(r.name(), r);
            r.policies().forEach(p -> policyOwners.putIfAbsent(p, r.name()));
            if (r.environment() != null && r.service() != null) {
                ecsRoles.putIfAbsent(ecsKey(r.kind(), r.environment(), r.service()), r);
            }
        });
    }

    public String app() {
        return app;
    }

    /** The per-rule severities of the optional {@code rules:} mapping, in file order. */
    public List<SeverityOverride> severityOverrides() {
        return severityOverrides;
    }

    public String partition() {
        return partition;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public List<String> environments() {
        return environments;
    }

    public boolean isEnvironment(String name) {
        // a handful of environments: comparing is cheaper than hashing the many short strings rules ask about
        for (String env : environments) {
            if (env.equals(name)) {
                return true;
            }
        }
        return false;
    }

    public List<ServiceSpec> services() {
        return List.copyOf(services.values());
    }

    public Optional<ServiceSpec> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    public List<CatalogSecret> secrets() {
        return List.copyOf(secrets.values());
    }

    public Optional<CatalogSecret> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** True when {@code fullName} is {@code <app>/<env>/<name>} for a catalog secret that exists in that environment. */
    public boolean isCatalogSecret(String fullName) {
        return SecretName.split(fullName)
                .filter(n -> n.app().equals(app))
                .flatMap(n -> secret(n.name()).filter(s -> s.environments().contains(n.environment())))
                .isPresent();
    }

    public List<RoleSpec> roles() {
        return List.copyOf(roles.values());
    }

    public Optional<RoleSpec> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    /** The role that lists {@code policyFile} among its policies. */
    public Optional<String> policyOwner(String policyFile) {
        return Optional.ofNullable(policyOwners.get(policyFile));
    }

    /** {@code arn:aws:iam::123456789012:role/<name>}. */
    public String roleArn(String roleName) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }

    /** {@code arn:aws:secretsmanager:eu-central-1:123456789012:secret:<app>/<env>/<name>} without the random suffix. */
    public String secretArn(String environment, String name) {
        return secretArnPrefix + environment + "/" + name;
    }

    /** {@link #secretArn} with {@code -<suffix>} appended, in one go: rules build one per secret reference. */
    public String secretArn(String environment, String name, String suffix) {
        return secretArnPrefix + environment + "/" + name + "-" + suffix;
    }

    /** The naming convention for task definition families: {@code <app>-<env>-<service>}. */
    public String familyName(String environment, String service) {
        return app + "-" + environment + "-" + service;
    }

    /**
     * The naming convention for roles: {@code <app>-<env>-<service>-task} and {@code <app>-<env>-<service>-execution}
     * for ECS roles, {@code <app>-ci-<purpose>} (kebab-case purpose) for CI roles and {@code <app>-drift-check} for
     * the drift-check role.
     */
    public boolean followsRoleNaming(String roleName, RoleKind kind, String environment, String service) {
        return switch (kind) {
            case ECS_TASK -> roleName.equals(app + "-" + environment + "-" + service + "-task");
            case ECS_EXECUTION -> roleName.equals(app + "-" + environment + "-" + service + "-execution");
            case CI -> roleName.startsWith(app + "-ci-") && SecretName.isKebab(roleName.substring(app.length() + 4));
            case DRIFT_CHECK -> roleName.equals(app + "-drift-check");
        };
    }

    /** The ECS role of {@code kind} for {@code service} in {@code environment}, if the configuration declares one. */
    public Optional<RoleSpec> ecsRole(RoleKind kind, String environment, String service) {
        return Optional.ofNullable(ecsRoles.get(ecsKey(kind, environment, service)));
    }

    private static String ecsKey(RoleKind kind, String environment, String service) {
        return kind.word() + '\u0000' + environment + '\u0000' + service;
    }
}
