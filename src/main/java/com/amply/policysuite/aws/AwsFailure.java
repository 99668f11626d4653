package com.amply.policysuite.aws;

/**
 * An AWS call that failed for good (after retries): missing credentials, access denied, throttling, an unreachable
 * endpoint. The message is one line meant for the user; it never carries the SDK exception (whose text may quote a
 * request) and has no cause, so nothing else can be printed by accident.
 */
public final class AwsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AwsFailure(String message) {
        super(message, null, false, false);
    }
}
