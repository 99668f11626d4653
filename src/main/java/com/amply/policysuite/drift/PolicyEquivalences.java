package com.amply.policysuite.drift;

/** The policy comparison the drift check uses. */
public final class PolicyEquivalences {
    private PolicyEquivalences() {
    }

    /**
     * The access analysis decides, the canonical form is its fast path and explains the differences (see
     * {@link LayeredPolicyEquivalence}).
     */
    public static PolicyEquivalence standard() {
        return new LayeredPolicyEquivalence(new CanonicalPolicyEquivalence(), new AccessPolicyEquivalence());
    }
}
