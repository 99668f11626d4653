package com.amply.policysuite.drift;

/** The policy comparison the drift check uses. */
public final class PolicyEquivalences {
    private PolicyEquivalences() {
    }

    /** The canonical-form comparison (see {@link CanonicalPolicyEquivalence}). */
    public static PolicyEquivalence standard() {
        return new CanonicalPolicyEquivalence();
    }
}
