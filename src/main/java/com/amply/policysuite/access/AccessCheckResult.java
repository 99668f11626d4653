package com.amply.policysuite.access;

import java.util.List;
import java.util.Optional;

/**
 * Answer of {@code checkAccessNotGranted}.
 *
 * @param result          PASS only when the policy can grant none of the listed accesses
 * @param tooComplex      true when the analysis exceeded its {@link Budget}; the result is then FAIL
 * @param message         summary sentence
 * @param reasons         statements that grant the access (and notes on over-approximation)
 * @param exampleAction   an action that would be allowed (present on a real FAIL)
 * @param exampleResource a resource on which {@code exampleAction} would be allowed (present on a real FAIL)
 */
public record AccessCheckResult(CheckResult result, boolean tooComplex, String message, List<Reason> reasons,
        Optional<String> exampleAction, Optional<String> exampleResource) {

    public AccessCheckResult {
        reasons = List.copyOf(reasons);
    }

    public boolean passed() {
        return result == CheckResult.PASS;
    }
}
