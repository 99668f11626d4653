package com.amply.policysuite.aws;

import com.amply.policysuite.model.CatalogSecret;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RoleKind;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.secrets.ExamplePayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;

/**
 * The account as this repository says it should be, created in moto through the AWS SDK: every catalog secret with a
 * valid example payload, every task definition, every role with its policies (the drift-check role's as attached
 * managed policies, the others inline, so both read paths are exercised).
 */
final class MotoAccount implements AutoCloseable {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    final SecretsManagerClient secrets;
    final EcsClient ecs;
    final IamClient iam;
    private final RepositoryModel model;
    private final Path repo;

    MotoAccount(URI endpoint, RepositoryModel model, Path repo) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        this.secrets = SecretsManagerClient.builder().endpointOverride(endpoint).region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials).build();
        this.ecs = EcsClient.builder().endpointOverride(endpoint).region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials).build();
        this.iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build();
        this.model = model;
        this.repo = repo;
    }

    void seed() {
        for (CatalogSecret s : model.suite().secrets()) {
            for (String env : s.environments()) {
                secrets.createSecret(r -> r.name(model.suite().app() + "/" + env + "/" + s.name())
                        .secretString(ExamplePayloads.valid(s.name(), env)));
            }
        }
        for (TaskDefinition td : model.taskDefinitions()) {
            register(td.document().root());
        }
        for (RoleSpec role : model.suite().roles()) {
            iam.createRole(r -> r.roleName(role.name()).assumeRolePolicyDocument(TRUST));
            for (String file : role.policies()) {
                String base = file.substring(file.lastIndexOf('/') + 1).replace(".json", "");
                String document = read(file);
                if (role.kind() == RoleKind.DRIFT_CHECK) {
                    String arn = iam.createPolicy(r -> r.policyName(role.name() + "-" + base).policyDocument(document))
                            .policy().arn();
                    iam.attachRolePolicy(r -> r.roleName(role.name()).policyArn(arn));
                } else {
                    putRolePolicy(role.name(), base, document);
                }
            }
        }
    }

    void putRolePolicy(String role, String name, String document) {
        iam.putRolePolicy(r -> r.roleName(role).policyName(name).policyDocument(document));
    }

    String read(String file) {
        try {
            return Files.readString(repo.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a task definition from its RegisterTaskDefinition JSON (the fields this repository uses). */
    int register(JsonNode td) {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (JsonNode c : td.path("containerDefinitions")) {
            List<KeyValuePair> env = new ArrayList<>();
            c.path("environment").forEach(e -> env.add(KeyValuePair.builder().name(e.path("name").stringValue())
                    .value(e.path("value").stringValue()).build()));
            List<Secret> refs = new ArrayList<>();
            c.path("secrets").forEach(s -> refs.add(Secret.builder().name(s.path("name").stringValue())
                    .valueFrom(s.path("valueFrom").stringValue()).build()));
            List<PortMapping> ports = new ArrayList<>();
            c.path("portMappings").forEach(p -> ports.add(PortMapping.builder().containerPort(p.path("containerPort").intValue())
                    .protocol(p.path("protocol").stringValue()).build()));
            containers.add(ContainerDefinition.builder().name(c.path("name").stringValue()).image(c.path("image").stringValue())
                    .essential(c.path("essential").asBoolean(true)).environment(env).secrets(refs).portMappings(ports).build());
        }
        List<String> compatibilities = new ArrayList<>();
        td.path("requiresCompatibilities").forEach(n -> compatibilities.add(n.stringValue()));
        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                .family(td.path("family").stringValue())
                .taskRoleArn(td.path("taskRoleArn").stringValue())
                .executionRoleArn(td.path("executionRoleArn").stringValue())
                .networkMode(td.path("networkMode").stringValue())
                .requiresCompatibilitiesWithStrings(compatibilities)
                .cpu(td.path("cpu").stringValue())
                .memory(td.path("memory").stringValue())
                .containerDefinitions(containers)
                .build();
        return ecs.registerTaskDefinition(request).taskDefinition().revision();
    }

    @Override
    public void close() {
        secrets.close();
        ecs.close();
        iam.close();
    }
}
