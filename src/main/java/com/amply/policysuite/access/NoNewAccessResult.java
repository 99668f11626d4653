package com.amply.policysuite.access;

import java.util.List;
import java.util.Optional;

/**
 * Answer of {@code checkNoNewAccess} (and of its reverse, removed access).
 *
 * @param result          PASS when no (action, resource) is granted by one policy and not by the other
 * @param tooComplex      true when the analysis exceeded its {@link Budget}; the result is then FAIL
 * @param message         summary sentence
 * @param reasons         statements responsible (of the updated policy for new access, of the existing policy for
 *                        removed access), plus notes
 * @param exampleAction   an action in the difference
 * @param exampleResource a resource in the difference for that action
 */
public record NoNewAccessResult(CheckResult result, boolean tooComplex, String message, List<Reason> reasons,
        Optional<String> exampleAction, Optional<String> exampleResource) {

    public NoNewAccessResult {
        reasons = List.copyOf(reasons);
    }

    public boolean passed() {
        return result == CheckResult.PASS;
    }
}
