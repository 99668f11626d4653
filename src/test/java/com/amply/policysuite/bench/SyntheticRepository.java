package com.amply.policysuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a synthetic repository of N services x 3 environments in the shape of this one: a suite.yaml with
 * every service, the eight catalog secrets and two ECS roles per service and environment; one execution
 * and one task policy per role; one task definition per service and environment. It is clean, so that
 * {@code check} does all its work and reports nothing. Run from the project root: the schemas are copied
 * from this repository's {@code schemas/}.
 */
public final class SyntheticRepository {
    static final List<String> ENVIRONMENTS = List.of("prod", "staging", "sandbox");
    static final List<String> INJECTED = List.of("database-url", "redis-url", "stripe-secret-key", "stripe-webhook-secret",
            "sentry-dsn", "session-secret", "api-encryption-key");
    static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/";

    private SyntheticRepository() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticRepository SERVICES DIR");
            System.exit(2);
        }
        write(Path.of(args[1]), Integer.parseInt(args[0]));
    }

    public static Path write(Path root, int services) throws IOException {
        StringBuilder suite = new StringBuilder("""
                app: amply
                account: "123456789012"
                region: eu-central-1
                environments: [prod, staging, sandbox]
                services:
                """);
        for (int s = 0; s < services; s++) {
            suite.append("  - name: svc").append(s).append('\n');
        }
        suite.append("secrets:\n");
        for (String name : INJECTED) {
            suite.append("  - {name: ").append(name).append(", purpose: synthetic, rotation: manual, schema: schemas/")
                    .append(name).append(".schema.json, readBy: ecs}\n");
        }
        suite.append("  - {name: checkpoint-signing-key, purpose: synthetic, rotation: annual,"
                + " schema: schemas/checkpoint-signing-key.schema.json, readBy: app}\n");
        suite.append("roles:\n");
        for (int s = 0; s < services; s++) {
            for (String env : ENVIRONMENTS) {
                String svc = "svc" + s;
                for (String kind : List.of("execution", "task")) {
                    String role = "amply-" + env + "-" + svc + "-" + kind;
                    String file = "policies/" + env + "/" + svc + "-" + kind + ".json";
                    suite.append("  - {name: ").append(role).append(", kind: ecs-").append(kind).append(", environment: ")
                            .append(env).append(", service: ").append(svc).append(", policies: [").append(file).append("]}\n");
                    write(root.resolve(file), kind.equals("execution") ? executionPolicy(env, svc) : taskPolicy(env));
                }
                write(root.resolve("task-definitions/" + env + "/" + svc + ".json"), taskDefinition(env, svc));
            }
        }
        write(root.resolve("suite.yaml"), suite.toString());
        // the payload schemas are this repository's own: the catalog is the same
        try (var schemas = Files.newDirectoryStream(Path.of("schemas"), "*.schema.json")) {
            for (Path schema : schemas) {
                write(root.resolve("schemas").resolve(schema.getFileName().toString()), Files.readString(schema));
            }
        }
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String executionPolicy(String env, String svc) {
        StringBuilder resources = new StringBuilder();
        for (String name : INJECTED) {
            resources.append(resources.length() == 0 ? "" : ",\n        ").append('"').append(ARN).append(env).append('/')
                    .append(name).append("-??????\"");
        }
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "InjectSecrets",
                      "Effect": "Allow",
                      "Action": "secretsmanager:GetSecretValue",
                      "Resource": [
                        %s
                      ]
                    },
                    {
                      "Sid": "WriteLogs",
                      "Effect": "Allow",
                      "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                      "Resource": "arn:aws:logs:eu-central-1:123456789012:log-group:/ecs/amply-%s-%s:*"
                    }
                  ]
                }
                """.formatted(resources, env, svc);
    }

    private static String taskPolicy(String env) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": "secretsmanager:GetSecretValue",
                      "Resource": "%s%s/checkpoint-signing-key-??????"
                    }
                  ]
                }
                """.formatted(ARN, env);
    }

    private static String taskDefinition(String env, String svc) {
        StringBuilder secrets = new StringBuilder();
        for (String name : INJECTED) {
            secrets.append(secrets.length() == 0 ? "" : ",\n").append("        {\"name\": \"")
                    .append(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')).append("\", \"valueFrom\": \"")
                    .append(ARN).append(env).append('/').append(name).append("-AbCdEf\"}");
        }
        return """
                {
                  "family": "amply-%1$s-%2$s",
                  "taskRoleArn": "arn:aws:iam::123456789012:role/amply-%1$s-%2$s-task",
                  "executionRoleArn": "arn:aws:iam::123456789012:role/amply-%1$s-%2$s-execution",
                  "networkMode": "awsvpc",
                  "requiresCompatibilities": ["FARGATE"],
                  "cpu": "512",
                  "memory": "1024",
                  "containerDefinitions": [
                    {
                      "name": "%2$s",
                      "image": "123456789012.dkr.ecr.eu-central-1.amazonaws.com/amply-%2$s:1",
                      "essential": true,
                      "environment": [
                        {"name": "APP_ENV", "value": "%1$s"},
                        {"name": "LOG_LEVEL", "value": "info"}
                      ],
                      "secrets": [
                %3$s
                      ]
                    }
                  ]
                }
                """.formatted(env, svc, secrets);
    }
}
