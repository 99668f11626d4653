package com.amply.policysuite.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The only file I/O of the package: reads {@code <dir>/*.schema.json} into file name → text. */
public final class SecretSchemaFiles {

    public static final String SUFFIX = ".schema.json";

    private SecretSchemaFiles() {
    }

    /** Reads every {@code *.schema.json} directly inside {@code schemasDir} (not recursive), sorted by file name. */
    public static Map<String, String> read(Path schemasDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(schemasDir)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
