package com.amply.policysuite.model;

import java.util.List;

/**
 * An ECS task definition in {@code RegisterTaskDefinition} form, as far as the rules need it. Values that are
 * missing or of the wrong type are null here; the shape rule reports them. {@code folderEnvironment} is the
 * {@code <env>} of {@code task-definitions/<env>/...}, or null when the file is not in such a folder.
 * {@code secretReferences} are the containers' {@code secrets[]} entries with {@code valueFrom} parsed once, in file
 * order.
 */
public record TaskDefinition(String file, String folderEnvironment, LocatedDocument document, Located family,
                             Located taskRoleArn, Located executionRoleArn, List<Container> containers,
                             List<SecretReference> secretReferences) {
    public TaskDefinition {
        containers = List.copyOf(containers);
        secretReferences = List.copyOf(secretReferences);
    }

    /** The task definition's environment: its folder, when that is an environment the suite declares. */
    public java.util.Optional<String> environment(Suite suite) {
        return folderEnvironment != null && suite.isEnvironment(folderEnvironment)
                ? java.util.Optional.of(folderEnvironment) : java.util.Optional.empty();
    }

    /** A container definition with its secret references and plain environment variables. */
    public record Container(String name, String pointer, List<Variable> secrets, List<Variable> environment) {
        public Container {
            secrets = List.copyOf(secrets);
            environment = List.copyOf(environment);
        }
    }

    /**
     * One {@code {"name": ..., "valueFrom"|"value": ...}} entry. {@code pointer} locates the entry object;
     * {@code value} is {@code valueFrom} for secrets and {@code value} for environment variables.
     */
    public record Variable(String name, String value, String pointer) {
        public String namePointer() {
            return pointer + "/name";
        }
    }
}
