package com.amply.policysuite.model;

/** What an IAM role is for. The kind decides its naming convention and what it may reach. */
public enum RoleKind {
    /** The role application code in an ECS task runs as ({@code taskRoleArn}). */
    ECS_TASK("ecs-task"),
    /** The role ECS uses to pull images, write logs and inject secrets ({@code executionRoleArn}). */
    ECS_EXECUTION("ecs-execution"),
    /** The CI/CD deploy role; reads only the environments listed in {@code reads}. */
    CI("ci"),
    /** The read-only role the drift check runs as. */
    DRIFT_CHECK("drift-check");

    private final String word;

    RoleKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static RoleKind of(String word) {
        for (RoleKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
