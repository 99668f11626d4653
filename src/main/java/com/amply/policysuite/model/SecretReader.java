package com.amply.policysuite.model;

/** Who reads a secret at run time, and so which role must be allowed to. */
public enum SecretReader {
    /** ECS injects it into the container ({@code secrets[].valueFrom}) using the task's execution role. */
    ECS("ecs"),
    /** Application code calls GetSecretValue using the task role. */
    APP("app");

    private final String word;

    SecretReader(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static SecretReader of(String word) {
        for (SecretReader r : values()) {
            if (r.word.equals(word)) {
                return r;
            }
        }
        return null;
    }
}
