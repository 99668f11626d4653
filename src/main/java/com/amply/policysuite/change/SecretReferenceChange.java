package com.amply.policysuite.change;

/**
 * A task definition's reference to a secret that was added, removed or changed, compared by secret name
 * ({@code <app>/<env>/<name>}, or the whole {@code valueFrom} when it is not a secret ARN).
 *
 * @param before the base revision's {@code valueFrom} (null when added)
 * @param after  the working tree's {@code valueFrom} (null when removed)
 * @param pointer where it is in the working tree's file (in the base's when removed)
 */
public record SecretReferenceChange(String file, Kind kind, String secret, String before, String after, String pointer) {
    public enum Kind {
        ADDED("added"), REMOVED("removed"), CHANGED("changed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
