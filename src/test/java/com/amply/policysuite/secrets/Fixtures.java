package com.amply.policysuite.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed schemas and examples, read once per JVM. */
final class Fixtures {

    static final Path SCHEMAS = Path.of("schemas");
    static final Path EXAMPLES = SCHEMAS.resolve("examples");

    private static SecretPayloadValidator validator;

    private Fixtures() {
    }

    static synchronized SecretPayloadValidator validator() {
        if (validator == null) {
            try {
                validator = SecretPayloadValidator.fromSchemaFiles(SecretSchemaFiles.read(SCHEMAS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /** An example file's payload: the file text minus one trailing newline, with key placeholders substituted. */
    static String payload(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            return TestKeys.substitute(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
