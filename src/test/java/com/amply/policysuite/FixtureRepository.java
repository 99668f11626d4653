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
        }
        return target;
    }

    public static RepositoryModel load(Path root) {
        try {
            return new RepositoryLoader().load(root);
        } catch (RepositoryLoader.UnreadableRepository e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Copies the whole tree of {@code from} into {@code to}, skipping the case's own description files. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = p.getFileName().toString();
                if (name.equals("case.md") || name.equals("expected.txt") || name.equals("_delete.txt")) {
                    continue;
                }
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
