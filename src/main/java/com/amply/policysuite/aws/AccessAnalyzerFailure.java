package com.amply.policysuite.aws;

/**
 * An Access Analyzer call that failed for good (after the SDK's retries): missing credentials, access denied,
 * throttling that did not stop, an unreachable endpoint, a request AWS rejected. The message is one line for the
 * user; the exception has no cause and no stack trace, so nothing else can be printed by accident. The live
 * checks never turn a failure into a pass: the command exits 3.
 */
public final class AccessAnalyzerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessAnalyzerFailure(String message) {
        super(message, null, false, false);
    }
}
