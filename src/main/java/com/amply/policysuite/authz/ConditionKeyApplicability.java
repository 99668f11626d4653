package com.amply.policysuite.authz;

/** Whether a condition key can take effect for an action. */
public enum ConditionKeyApplicability {
    /** The key is a global key, or the reference lists it for the action or one of its resource types. */
    APPLIES,
    /** The action is known in full and neither it, its resource types nor the global keys list the key. */
    DOES_NOT_APPLY,
    /**
     * Nothing can be said: the action is unknown, its service is bundled with action names only, or the key
     * is not bundled and its prefix is no service prefix (identity-provider keys the reference leaves out).
     */
    UNKNOWN
}
