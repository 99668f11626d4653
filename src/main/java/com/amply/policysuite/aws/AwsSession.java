package com.amply.policysuite.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The four clients of one drift run, configured the SDK's standard way: the default credential chain
 * ({@code AWS_PROFILE}, {@code AWS_ACCESS_KEY_ID}, web identity, container and instance roles), endpoints from
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} (the SDK reads them itself; nothing here overrides
 * them) and the region from {@code AWS_REGION} or the profile, else the suite's region. Only the retry strategy is
 * set: the standard strategy with exponential backoff and jitter, longer for throttling, {@code AWS_MAX_ATTEMPTS}
 * attempts (default {@value #DEFAULT_MAX_ATTEMPTS}).
 */
public final class AwsSession implements AutoCloseable {
    static final int DEFAULT_MAX_ATTEMPTS = 8;

    private final Region region;
    private final DefaultCredentialsProvider credentials;
    final StsClient sts;
    final SecretsManagerClient secretsManager;
    final EcsClient ecs;
    final IamClient iam;

    private AwsSession(Region region) {
        this.region = region;
        this.credentials = DefaultCredentialsProvider.builder().build();
        ClientOverrideConfiguration config = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .apiCallAttemptTimeout(Duration.ofSeconds(30))
                .apiCallTimeout(Duration.ofMinutes(3))
                .build();
        this.sts = StsClient.builder().region(region).credentialsProvider(credentials).overrideConfiguration(config).build();
        this.secretsManager = SecretsManagerClient.builder().region(region).credentialsProvider(credentials)
                .overrideConfiguration(config).build();
        this.ecs = EcsClient.builder().region(region).credentialsProvider(credentials).overrideConfiguration(config).build();
        this.iam = IamClient.builder().region(region).credentialsProvider(credentials).overrideConfiguration(config).build();
    }

    /** Opens the clients; {@code fallbackRegion} (suite.yaml's region) is used when neither env nor profile set one. */
    public static AwsSession open(String fallbackRegion) {
        try {
            return new AwsSession(region(fallbackRegion));
        } catch (SdkClientException e) {
            throw AwsCalls.translate("sdk", "configuration", e, true);
        }
    }

    static Region region(String fallback) {
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException e) {
            return Region.of(fallback);
        }
    }

    static RetryStrategy retryStrategy() {
        int attempts = SdkSystemSetting.AWS_MAX_ATTEMPTS.getIntegerValue().filter(n -> n > 0).orElse(DEFAULT_MAX_ATTEMPTS);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(attempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .build();
    }

    public Region region() {
        return region;
    }

    /** Reads the live account with these clients. */
    public LiveAccountReader reader() {
        return new LiveAccountReader(this);
    }

    @Override
    public void close() {
        sts.close();
        secretsManager.close();
        ecs.close();
        iam.close();
        credentials.close();
    }
}
