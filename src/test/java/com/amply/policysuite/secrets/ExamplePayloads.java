package com.amply.policysuite.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed valid example payloads (RSA placeholders replaced by keys generated at test time), for other packages. */
public final class ExamplePayloads {
    private ExamplePayloads() {
    }

    /** The first valid example of {@code secret} for {@code environment}: {@code schemas/examples/<secret>/valid/<env>-*}. */
    public static String valid(String secret, String environment) {
        Path dir = Fixtures.EXAMPLES.resolve(secret).resolve("valid");
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(environment + "-")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no valid example for " + secret + " in " + environment
                            + " under " + dir));
            return Fixtures.payload(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
