package com.amply.policysuite;

import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.RepositoryModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Builds test repositories: a copy of {@code fixtures/_base} with a case folder laid over it. A case folder's
 * files replace or add to the base; {@code _delete.txt} lists base files to remove; {@code case.md} and
 * {@code expected.txt} describe the case and are not copied.
 */
public final class FixtureRepository {
    public static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    public static final Path BASE = FIXTURES.resolve("_base");

    private FixtureRepository() {
    }

    /** A fresh copy of the base repository in {@code target}, with {@code overlay} applied if not null. */
    public static Path build(Path target, Path overlay) {
        copy(BASE, target);
        if (overlay != null) {
            Path deletions = overlay.resolve("_delete.txt");
            try {
                if (Files.exists(deletions)) {
                    for (String line : Files.readAllLines(deletions)) {
                        if (!line.isBlank()) {
                            Files.delete(target.resolve(line.trim()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copy(overlay, target);
            generate(overlay.resolve("_generate.txt"), target);
        }
        return target;
    }

    /** The date fixtures are checked on, so that time-dependent rules give the same findings every day. */
    public static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 4);

    public static RepositoryModel load(Path root) {
        return load(root, TODAY);
    }

    public static RepositoryModel load(Path root, java.time.LocalDate today) {
        try {
            return new RepositoryLoader().load(root, today);
        } catch (RepositoryLoader.UnreadableRepository e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Real-looking secret material for leak fixtures, assembled at run time so that no tracked file holds it:
     * a fixture writes {@code {{LEAK:stripe-live}}}, {@code {{LEAK:pem}}} or {@code {{LEAK:db-url}}}.
     */
    static String expand(String text) {
        if (!text.contains("{{LEAK:")) {
            return text;
        }
        String body = "4eC39HqLyjWDarjtT1zdp7dc";
        String pemBody = java.util.Base64.getEncoder().encodeToString(new java.util.Random(7).ints(96, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> { }).toByteArray());
        return text.replace("{{LEAK:stripe-live}}", "sk_" + "live_" + body)
                .replace("{{LEAK:pem}}", "-----BEGIN " + "RSA PRIVATE KEY-----\n" + pemBody + "\n-----END " + "RSA PRIVATE KEY-----")
                .replace("{{LEAK:db-url}}", "postgresql://amply_app:" + "Zq8vRt2LmW9x" + "@db.internal:5432/amply");
    }

    /** Writes files a case lists in {@code _generate.txt} as {@code PATH BYTES}: files too large to commit. */
    private static void generate(Path list, Path target) {
        try {
            if (!Files.exists(list)) {
                return;
            }
            for (String line : Files.readAllLines(list)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    Path f = target.resolve(parts[0]);
                    Files.createDirectories(f.getParent());
                    Files.write(f, "a".repeat(Integer.parseInt(parts[1])).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the whole tree of {@code from} into {@code to}, skipping the case's own description files. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = p.getFileName().toString();
                if (name.equals("case.md") || name.equals("expected.txt") || name.equals("_delete.txt")
                        || name.equals("_generate.txt")) {
                    continue;
                }
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    String text = Files.readString(p);
                    String expanded = expand(text);
                    if (expanded.equals(text)) {
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.writeString(dest, expanded);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
