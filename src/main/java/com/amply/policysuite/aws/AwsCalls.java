package com.amply.policysuite.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Runs one AWS operation and turns any SDK failure into an {@link AwsFailure} with a one-line message. */
final class AwsCalls {
    private static final Set<String> ACCESS_DENIED = Set.of("accessdenied", "accessdeniedexception",
            "unauthorizedoperation", "unrecognizedclientexception", "invalidclienttokenid", "expiredtoken",
            "expiredtokenexception", "signaturedoesnotmatch", "invalidsignatureexception", "authfailure");
    private static final int MAX_MESSAGE = 300;

    private AwsCalls() {
    }

    /** Runs {@code body}; a failure message may quote AWS's own error message (it names the missing permission). */
    static <T> T call(String service, String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw translate(service, operation, e, true);
        }
    }

    /**
     * Runs {@code body} for a call whose request or response may carry a secret value ({@code GetSecretValue}): a
     * failure names only the error code, never AWS's message or the SDK exception's text.
     */
    static <T> T callQuietly(String service, String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw translate(service, operation, e, false);
        }
    }

    static AwsFailure translate(String service, String operation, SdkException e, boolean quote) {
        String what = service + ":" + operation;
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() != null && ase.awsErrorDetails().errorCode() != null
                    ? ase.awsErrorDetails().errorCode() : "HTTP " + ase.statusCode();
            String message = quote && ase.awsErrorDetails() != null ? oneLine(ase.awsErrorDetails().errorMessage()) : "";
            String suffix = message.isEmpty() ? "" : ": " + message;
            if (ase.isThrottlingException()) {
                return new AwsFailure("AWS kept throttling " + what + " (" + code + ") after retries with backoff;"
                        + " run the drift check again later");
            }
            if (ACCESS_DENIED.contains(code.toLowerCase(Locale.ROOT)) || ase.statusCode() == 403) {
                return new AwsFailure("access denied to " + what + " (" + code + ")" + suffix
                        + "; the drift check needs policies/drift-check/read-only.json"
                        + (operation.equals("GetSecretValue") ? " and payloads.json" : ""));
            }
            return new AwsFailure(what + " failed: " + code + " (HTTP " + ase.statusCode() + ")" + suffix);
        }
        if (e instanceof SdkServiceException sse) {
            return new AwsFailure(what + " failed with HTTP " + sse.statusCode());
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("Unable to load credentials")) {
            return new AwsFailure("no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, or run with the drift-check role");
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new AwsFailure(what + " timed out; is the endpoint reachable?");
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return new AwsFailure("cannot reach the " + service + " endpoint for " + operation + " ("
                        + t.getClass().getSimpleName() + "); check AWS_REGION, AWS_ENDPOINT_URL and the network");
            }
        }
        return new AwsFailure(what + " failed: " + e.getClass().getSimpleName() + (quote ? ": " + oneLine(text) : ""));
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
