package com.amply.policysuite.access;

/** Effect of an IAM policy statement. */
public enum Effect {
    ALLOW,
    DENY
}
