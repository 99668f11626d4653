package com.amply.policysuite.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClientBuilder;
import software.amazon.awssdk.services.accessanalyzer.model.Access;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResult;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;

/**
 * One {@link AccessAnalyzerClient}, configured the SDK's standard way, and the three operations the live checks
 * use. Credentials come from the default chain ({@code AWS_PROFILE}, {@code AWS_ACCESS_KEY_ID}, web identity,
 * container and instance roles); the endpoint from {@code AWS_ENDPOINT_URL_ACCESSANALYZER} or {@code AWS_ENDPOINT_URL}
 * (or the system properties {@code aws.endpointUrlAccessAnalyzer} and {@code aws.endpointUrl}, or the profile), which
 * the SDK reads itself; the region from {@code AWS_REGION} or the profile, else suite.yaml's region. Throttling and
 * transient errors are retried by the SDK's standard retry strategy with exponential backoff and jitter
 * ({@code AWS_MAX_ATTEMPTS} attempts, default {@value #DEFAULT_MAX_ATTEMPTS}). Every failure that remains becomes an
 * {@link AccessAnalyzerFailure} with a one-line message. The session counts the calls that returned an answer.
 */
public final class AccessAnalyzerSession implements AutoCloseable {
    static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** AWS's limit on the actions, and on the resources, of one access entry of CheckAccessNotGranted. */
    public static final int MAX_ENTRY_VALUES = 100;
    private static final Set<String> ACCESS_DENIED = Set.of("accessdenied", "accessdeniedexception",
            "unrecognizedclientexception", "invalidclienttokenid", "expiredtoken", "expiredtokenexception",
            "signaturedoesnotmatch", "invalidsignatureexception", "unauthorizedoperation");
    private static final int MAX_MESSAGE = 300;

    /**
     * How to reach AWS. {@link #standard(String)} leaves everything to the SDK's standard configuration; tests name
     * an endpoint and static credentials explicitly.
     *
     * @param fallbackRegion region when neither {@code AWS_REGION} nor the profile sets one (suite.yaml's)
     * @param endpoint       an explicit endpoint, or null for the SDK's own resolution
     * @param credentials    explicit credentials, or null for the default chain
     * @param maxAttempts    attempts per call, retries included
     * @param backoff        base delay of the exponential backoff (throttling waits five times as long)
     */
    public record Settings(String fallbackRegion, URI endpoint, AwsCredentialsProvider credentials, int maxAttempts,
                           Duration backoff) {
        public static Settings standard(String fallbackRegion) {
            int attempts = SdkSystemSetting.AWS_MAX_ATTEMPTS.getIntegerValue().filter(n -> n > 0).orElse(DEFAULT_MAX_ATTEMPTS);
            return new Settings(fallbackRegion, null, null, attempts, Duration.ofMillis(200));
        }
    }

    /** An answer of CheckAccessNotGranted or CheckNoNewAccess. */
    public record Answer(boolean pass, String message, List<Reason> reasons) {
        public Answer {
            reasons = List.copyOf(reasons);
        }
    }

    /** AWS's ReasonSummary: which statement of the document sent ({@code statementIndex} -1 when not given). */
    public record Reason(String description, int statementIndex, String statementId) {
    }

    private final AccessAnalyzerClient client;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsCredentials;
    private final Region region;
    private int validatePolicy;
    private int checkAccessNotGranted;
    private int checkNoNewAccess;

    private AccessAnalyzerSession(Settings settings) {
        this.region = region(settings.fallbackRegion());
        this.ownsCredentials = settings.credentials() == null;
        this.credentials = ownsCredentials ? DefaultCredentialsProvider.builder().build() : settings.credentials();
        AccessAnalyzerClientBuilder builder = AccessAnalyzerClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retryStrategy(settings))
                        .apiCallAttemptTimeout(Duration.ofSeconds(30))
                        .apiCallTimeout(Duration.ofMinutes(3))
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.client = builder.build();
    }

    public static AccessAnalyzerSession open(Settings settings) {
        try {
            return new AccessAnalyzerSession(settings);
        } catch (SdkException e) {
            throw translate("configuration", "", e);
        }
    }

    static Region region(String fallback) {
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()).getRegion();
        } catch (SdkClientException e) {
            return Region.of(fallback);
        }
    }

    static RetryStrategy retryStrategy(Settings settings) {
        Duration max = Duration.ofSeconds(20);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoff(), max))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.backoff().multipliedBy(5), max))
                .build();
    }

    public Region region() {
        return region;
    }

    public AccessAnalyzerCalls calls() {
        return new AccessAnalyzerCalls(validatePolicy, checkAccessNotGranted, checkNoNewAccess);
    }

    /** ValidatePolicy for an identity policy, every page; {@code subject} names the file in failure messages. */
    public List<ValidatePolicyFinding> validatePolicy(String document, String subject) {
        List<ValidatePolicyFinding> findings = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ValidatePolicyResponse page = call("ValidatePolicy", subject, () -> client.validatePolicy(r -> r
                    .policyDocument(document).policyType(PolicyType.IDENTITY_POLICY).nextToken(next)));
            validatePolicy++;
            findings.addAll(page.findings());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return findings;
    }

    /**
     * CheckAccessNotGranted for one access entry of at most {@value #MAX_ENTRY_VALUES} actions and as many
     * resources (the API takes one entry per call); callers split larger questions.
     */
    public Answer checkAccessNotGranted(String document, List<String> actions, List<String> resources, String subject) {
        if (actions.size() > MAX_ENTRY_VALUES || resources.size() > MAX_ENTRY_VALUES) {
            throw new IllegalArgumentException("an access entry has at most " + MAX_ENTRY_VALUES + " actions and resources");
        }
        Access.Builder access = Access.builder();
        if (!actions.isEmpty()) {
            access.actions(actions);
        }
        if (!resources.isEmpty()) {
            access.resources(resources);
        }
        CheckAccessNotGrantedResponse r = call("CheckAccessNotGranted", subject, () -> client.checkAccessNotGranted(b -> b
                .policyDocument(document).access(access.build()).policyType(AccessCheckPolicyType.IDENTITY_POLICY)));
        checkAccessNotGranted++;
        if (r.result() != CheckAccessNotGrantedResult.PASS && r.result() != CheckAccessNotGrantedResult.FAIL) {
            throw new AccessAnalyzerFailure("access-analyzer:CheckAccessNotGranted for " + subject
                    + " returned result " + r.resultAsString() + ", neither PASS nor FAIL; not counted as a pass");
        }
        return new Answer(r.result() == CheckAccessNotGrantedResult.PASS, nullToEmpty(r.message()), reasons(r.reasons()));
    }

    /** CheckNoNewAccess of {@code updated} against {@code existing}, both identity policies. */
    public Answer checkNoNewAccess(String existing, String updated, String subject) {
        CheckNoNewAccessResponse r = call("CheckNoNewAccess", subject, () -> client.checkNoNewAccess(b -> b
                .existingPolicyDocument(existing).newPolicyDocument(updated).policyType(AccessCheckPolicyType.IDENTITY_POLICY)));
        checkNoNewAccess++;
        if (r.result() != CheckNoNewAccessResult.PASS && r.result() != CheckNoNewAccessResult.FAIL) {
            throw new AccessAnalyzerFailure("access-analyzer:CheckNoNewAccess for " + subject
                    + " returned result " + r.resultAsString() + ", neither PASS nor FAIL; not counted as a pass");
        }
        return new Answer(r.result() == CheckNoNewAccessResult.PASS, nullToEmpty(r.message()), reasons(r.reasons()));
    }

    private static List<Reason> reasons(List<ReasonSummary> reasons) {
        return reasons.stream().map(s -> new Reason(nullToEmpty(s.description()),
                s.statementIndex() == null ? -1 : s.statementIndex(), s.statementId())).toList();
    }

    private static <T> T call(String operation, String subject, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw translate(operation, subject, e);
        }
    }

    /** One line saying what failed and what to do; AWS's own message is quoted (it names a missing permission). */
    static AccessAnalyzerFailure translate(String operation, String subject, SdkException e) {
        String what = "access-analyzer:" + operation + (subject.isEmpty() ? "" : " for " + subject);
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() != null && ase.awsErrorDetails().errorCode() != null
                    ? ase.awsErrorDetails().errorCode() : "HTTP " + ase.statusCode();
            String message = ase.awsErrorDetails() != null ? oneLine(ase.awsErrorDetails().errorMessage()) : "";
            String suffix = message.isEmpty() ? "" : ": " + message;
            if (ase.isThrottlingException()) {
                return new AccessAnalyzerFailure("AWS kept throttling " + what + " (" + code + ") after retries with"
                        + " backoff; run again later or raise AWS_MAX_ATTEMPTS");
            }
            if (ACCESS_DENIED.contains(code.toLowerCase(Locale.ROOT)) || ase.statusCode() == 403) {
                return new AccessAnalyzerFailure("access denied to " + what + " (" + code + ")" + suffix
                        + "; the credentials need the permissions of policies/ci/access-analyzer.json");
            }
            return new AccessAnalyzerFailure("AWS rejected " + what + ": " + code + " (HTTP " + ase.statusCode() + ")"
                    + suffix);
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("Unable to load credentials")) {
            return new AccessAnalyzerFailure("no AWS credentials found for " + what + ": set AWS_PROFILE, or"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run as a role (see README, Live checks)");
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new AccessAnalyzerFailure(what + " timed out; is the Access Analyzer endpoint reachable?");
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return new AccessAnalyzerFailure("cannot reach the Access Analyzer endpoint for " + what + " ("
                        + t.getClass().getSimpleName() + "); check AWS_REGION, AWS_ENDPOINT_URL_ACCESSANALYZER and the network");
            }
        }
        return new AccessAnalyzerFailure(what + " failed: " + e.getClass().getSimpleName() + ": " + oneLine(text));
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        client.close();
        if (ownsCredentials && credentials instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing credential caches must not turn a finished run into a failure
            }
        }
    }
}
