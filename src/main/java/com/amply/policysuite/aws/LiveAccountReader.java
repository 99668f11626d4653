package com.amply.policysuite.aws;

import com.amply.policysuite.drift.DriftScope;
import com.amply.policysuite.drift.LiveEnvironment;
import com.amply.policysuite.drift.LiveEnvironment.Container;
import com.amply.policysuite.drift.LiveEnvironment.PayloadCheck;
import com.amply.policysuite.drift.LiveEnvironment.Role;
import com.amply.policysuite.drift.LiveEnvironment.RolePolicy;
import com.amply.policysuite.drift.LiveEnvironment.Secret;
import com.amply.policysuite.drift.LiveEnvironment.TaskDefinition;
import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.secrets.SecretPayloadValidator;
import com.amply.policysuite.secrets.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Reads what the drift check compares, with read-only calls only ({@code policies/drift-check/read-only.json}, plus
 * {@code payloads.json} for {@code GetSecretValue}). Returns plain records; SDK types never leave this package.
 * Every failure is an {@link AwsFailure}: a snapshot is complete or there is none.
 */
public final class LiveAccountReader {
    private final AwsSession aws;

    LiveAccountReader(AwsSession aws) {
        this.aws = aws;
    }

    /** {@code sts:GetCallerIdentity}: the account the credentials belong to. */
    public String callerAccount() {
        return AwsCalls.call("sts", "GetCallerIdentity", () -> aws.sts.getCallerIdentity().account());
    }

    /**
     * Reads one environment. With a {@code payloads} validator, each catalog secret's value is fetched and validated
     * in memory; only the schema-derived violation texts leave this method.
     */
    public LiveEnvironment read(DriftScope scope, SecretPayloadValidator payloads) {
        List<Secret> secrets = new ArrayList<>();
        Map<String, String> arns = new LinkedHashMap<>();
        for (SecretListEntry entry : listSecrets(scope.secretPrefix())) {
            Secret s = describe(entry.arn());
            if (s != null) {
                secrets.add(s);
                arns.put(s.name(), entry.arn());
            }
        }
        Map<String, PayloadCheck> checks = null;
        if (payloads != null) {
            checks = new LinkedHashMap<>();
            for (Secret s : secrets) {
                CatalogSecret catalog = scope.catalogSecrets().get(s.name());
                if (catalog != null && s.deletedDate() == null) {
                    checks.put(s.name(), payload(s.name(), arns.get(s.name()), scope.environment(), catalog.name(), payloads));
                }
            }
        }
        List<String> families = families(scope.familyPrefix());
        Map<String, TaskDefinition> taskDefinitions = new LinkedHashMap<>();
        for (String family : scope.taskDefinitions().keySet()) {
            if (families.contains(family)) {
                TaskDefinition td = describeTaskDefinition(family);
                if (td != null) {
                    taskDefinitions.put(family, td);
                }
            }
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        for (var spec : scope.roles()) {
            Role role = role(spec.name());
            if (role != null) {
                roles.put(spec.name(), role);
            }
        }
        return new LiveEnvironment(scope.environment(), secrets, families, taskDefinitions, roles, checks);
    }

    // ---------------------------------------------------------------- Secrets Manager

    private List<SecretListEntry> listSecrets(String prefix) {
        return AwsCalls.call("secretsmanager", "ListSecrets", () -> {
            List<SecretListEntry> out = new ArrayList<>();
            aws.secretsManager.listSecretsPaginator(r -> r.includePlannedDeletion(true)
                            .filters(f -> f.key(FilterNameStringType.NAME).values(prefix)))
                    .forEach(page -> page.secretList().forEach(e -> {
                        // the name filter is a prefix match that AWS may widen (case, word boundaries): keep exact ones
                        if (e.name() != null && e.name().startsWith(prefix)) {
                            out.add(e);
                        }
                    }));
            return out;
        });
    }

    private Secret describe(String arn) {
        return AwsCalls.call("secretsmanager", "DescribeSecret", () -> {
            try {
                DescribeSecretResponse d = aws.secretsManager.describeSecret(r -> r.secretId(arn));
                Integer days = d.rotationRules() != null && d.rotationRules().automaticallyAfterDays() != null
                        ? Integer.valueOf(d.rotationRules().automaticallyAfterDays().intValue()) : null;
                Instant changed = d.lastChangedDate() != null ? d.lastChangedDate() : d.createdDate();
                return new Secret(d.name(), Boolean.TRUE.equals(d.rotationEnabled()), days, changed, d.deletedDate());
            } catch (ResourceNotFoundException gone) {
                return null; // deleted between ListSecrets and DescribeSecret
            }
        });
    }

    /**
     * Fetches and validates one payload. The value lives only in locals of this method; the response and the value
     * are dropped before returning, and a failure names only the error code.
     */
    private static PayloadCheck validate(String name, String env, String catalogName, SecretPayloadValidator validator,
                                         GetSecretValueResponse response) {
        String value = response.secretString();
        boolean binary = value == null && response.secretBinary() != null;
        if (value == null) {
            return new PayloadCheck(name, List.of(binary ? "(payload) is a SecretBinary; the schema expects a SecretString"
                    : "(payload) has no SecretString"));
        }
        List<String> problems = new ArrayList<>();
        try {
            for (Violation v : validator.validate(env, catalogName, value)) {
                problems.add(v.describe());
            }
        } catch (RuntimeException e) {
            problems.add("(payload) could not be validated (" + e.getClass().getSimpleName() + ")");
        } finally {
            value = null;
        }
        return new PayloadCheck(name, problems);
    }

    private PayloadCheck payload(String name, String arn, String env, String catalogName, SecretPayloadValidator validator) {
        GetSecretValueResponse response = AwsCalls.callQuietly("secretsmanager", "GetSecretValue",
                () -> aws.secretsManager.getSecretValue(r -> r.secretId(arn)));
        try {
            return validate(name, env, catalogName, validator, response);
        } finally {
            response = null;
        }
    }

    // ---------------------------------------------------------------- ECS

    private List<String> families(String prefix) {
        return AwsCalls.call("ecs", "ListTaskDefinitionFamilies", () -> {
            Set<String> out = new LinkedHashSet<>();
            aws.ecs.listTaskDefinitionFamiliesPaginator(r -> r.familyPrefix(prefix).status(TaskDefinitionFamilyStatus.ACTIVE))
                    .families().forEach(f -> {
                        if (f.startsWith(prefix)) {
                            out.add(f);
                        }
                    });
            return List.copyOf(out);
        });
    }

    private TaskDefinition describeTaskDefinition(String family) {
        return AwsCalls.call("ecs", "DescribeTaskDefinition", () -> {
            software.amazon.awssdk.services.ecs.model.TaskDefinition td;
            try {
                td = aws.ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
            } catch (ClientException e) {
                if (e.statusCode() == 400 && "ClientException".equals(errorCode(e))) {
                    return null; // "Unable to describe task definition": no ACTIVE revision left
                }
                throw e;
            }
            List<Container> containers = new ArrayList<>();
            for (ContainerDefinition c : td.containerDefinitions()) {
                Map<String, String> secrets = new LinkedHashMap<>();
                c.secrets().forEach(s -> secrets.put(s.name(), s.valueFrom()));
                List<String> env = new ArrayList<>();
                for (KeyValuePair kv : c.environment()) {
                    env.add(kv.name());
                }
                containers.add(new Container(c.name(), secrets, env));
            }
            return new TaskDefinition(td.family(), td.revision() == null ? 0 : td.revision(), td.taskRoleArn(),
                    td.executionRoleArn(), containers);
        });
    }

    private static String errorCode(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    // ---------------------------------------------------------------- IAM

    private Role role(String name) {
        boolean exists = AwsCalls.call("iam", "GetRole", () -> {
            try {
                aws.iam.getRole(r -> r.roleName(name));
                return true;
            } catch (NoSuchEntityException e) {
                return false;
            }
        });
        if (!exists) {
            return null;
        }
        List<RolePolicy> policies = new ArrayList<>();
        List<String> inline = AwsCalls.call("iam", "ListRolePolicies",
                () -> List.copyOf(aws.iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream().toList()));
        for (String policyName : inline) {
            String document = AwsCalls.call("iam", "GetRolePolicy",
                    () -> aws.iam.getRolePolicy(r -> r.roleName(name).policyName(policyName)).policyDocument());
            policies.add(new RolePolicy("inline policy " + policyName, PolicyDocumentEncoding.decode(document)));
        }
        List<AttachedPolicy> attached = AwsCalls.call("iam", "ListAttachedRolePolicies",
                () -> List.copyOf(aws.iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
                        .stream().toList()));
        for (AttachedPolicy p : attached) {
            String version = AwsCalls.call("iam", "GetPolicy",
                    () -> aws.iam.getPolicy(r -> r.policyArn(p.policyArn())).policy().defaultVersionId());
            String document = AwsCalls.call("iam", "GetPolicyVersion",
                    () -> aws.iam.getPolicyVersion(r -> r.policyArn(p.policyArn()).versionId(version)).policyVersion()
                            .document());
            policies.add(new RolePolicy("managed policy " + p.policyArn(), PolicyDocumentEncoding.decode(document)));
        }
        return new Role(name, policies);
    }
}
