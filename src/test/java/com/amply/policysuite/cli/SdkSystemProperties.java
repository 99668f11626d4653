package com.amply.policysuite.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * Sets the AWS SDK's own system properties for an in-process command run (the endpoint, fake static credentials,
 * the region, the attempts) and puts the previous values back afterwards, so that the commands are configured
 * exactly as a user configures them, through the SDK's standard mechanism.
 */
final class SdkSystemProperties implements AutoCloseable {
    private final Map<String, String> previous = new HashMap<>();

    SdkSystemProperties set(String key, String value) {
        previous.putIfAbsent(key, System.getProperty(key));
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
        return this;
    }

    /** A local Access Analyzer at {@code endpoint} with fake static credentials in eu-central-1. */
    static SdkSystemProperties localAccessAnalyzer(String endpoint) {
        return new SdkSystemProperties()
                .set("aws.endpointUrlAccessAnalyzer", endpoint)
                .set("aws.accessKeyId", "AKIDEXAMPLETEST")
                .set("aws.secretAccessKey", "fake-secret-for-tests")
                .set("aws.region", "eu-central-1")
                .set("aws.maxAttempts", "2")
                .set("aws.disableEc2Metadata", "true");
    }

    @Override
    public void close() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}
