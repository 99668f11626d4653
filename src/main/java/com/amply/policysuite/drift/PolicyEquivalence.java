package com.amply.policysuite.drift;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a role's live identity policies mean the same as the repository's policy files for that role.
 * Both sides are compared as a whole (IAM evaluates the union of a role's identity policies), so moving a statement
 * from one policy to another, or between inline and managed policies, is not drift; new or removed access is.
 */
public interface PolicyEquivalence {

    /** Compares the policies of one role; {@code repository} and {@code live} each hold every policy of the role. */
    Verdict compare(List<LabelledPolicy> repository, List<LabelledPolicy> live);

    /** A parsed policy document and where it came from ({@code policies/ci/deploy.json}, {@code inline policy deploy}). */
    record LabelledPolicy(String label, JsonNode document) {
    }

    /**
     * The answer: equivalent, or the differences, each one sentence naming the access and where it comes from.
     */
    record Verdict(boolean equivalent, List<String> differences) {
        public Verdict {
            differences = List.copyOf(differences);
        }

        public static Verdict same() {
            return new Verdict(true, List.of());
        }
    }
}
