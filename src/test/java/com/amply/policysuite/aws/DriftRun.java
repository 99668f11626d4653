package com.amply.policysuite.aws;

import com.amply.policysuite.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code policy-suite drift}: in-process with the SDK's system properties ({@code aws.endpointUrl}, ...), or as a
 * separate JVM with the environment variables a real run uses ({@code AWS_ENDPOINT_URL}, ...), capturing everything
 * the process writes.
 */
final class DriftRun {
    private static final List<String> PROPERTIES = List.of("aws.endpointUrl", "aws.endpointUrlSts",
            "aws.endpointUrlSecretsManager", "aws.endpointUrlEcs", "aws.endpointUrlIam", "aws.accessKeyId",
            "aws.secretAccessKey", "aws.sessionToken", "aws.region", "aws.maxAttempts", "aws.disableEc2Metadata");

    private DriftRun() {
    }

    /** Points every SDK client of this JVM at {@code endpoint} with fake static credentials. */
    static void configure(String endpoint) {
        clear();
        System.setProperty("aws.endpointUrl", endpoint);
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "eu-central-1");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    static void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    static CliRun inProcess(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "drift";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.of(full);
    }

    /** A separate JVM with exactly {@code env} as its AWS configuration (no inherited AWS_* variables, an empty HOME). */
    static CliRun process(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target/policy-suite.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.amply.policysuite.cli.PolicySuite"));
        }
        command.add("drift");
        command.addAll(List.of(args));
        Path home = Files.createTempDirectory("drift-home");
        Path out = Files.createTempFile("drift", ".out");
        Path err = Files.createTempFile("drift", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("policy-suite drift did not finish within 120 s");
        }
        return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
