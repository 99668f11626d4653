package com.amply.policysuite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an AWS CLI style document argument: {@code file://PATH}, {@code -} for standard input, or the JSON itself. */
final class PolicyDocumentInput {
    static final int MAX_BYTES = 1 << 20;

    private PolicyDocumentInput() {
    }

    /** Thrown with a one-line reason when the argument can't be read. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The bytes of the document and a name to report it by. */
    record Document(String name, byte[] bytes) {
        /** The document as UTF-8 text. */
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Document read(String argument) throws Unreadable {
        try {
            if (argument.equals("-")) {
                try (InputStream in = System.in) {
                    return new Document("(stdin)", limit(in.readNBytes(MAX_BYTES + 1)));
                }
            }
            if (argument.startsWith("file://")) {
                Path path = Path.of(argument.substring("file://".length()));
                if (!Files.isRegularFile(path)) {
                    throw new Unreadable(path + " is not a readable file");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    return new Document(path.toString(), limit(in.readNBytes(MAX_BYTES + 1)));
                }
            }
            return new Document("(argument)", limit(argument.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new Unreadable("cannot read " + argument + ": " + e.getClass().getSimpleName());
        }
    }

    private static byte[] limit(byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("the policy document is over " + MAX_BYTES + " bytes");
        }
        return bytes;
    }
}
