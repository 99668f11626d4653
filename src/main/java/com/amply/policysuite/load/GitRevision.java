package com.amply.policysuite.load;

import com.amply.policysuite.model.RepositoryModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository as it was at a git revision: {@code suite.yaml}, {@code policies/} and {@code task-definitions/}
 * read with {@code git ls-tree} and {@code git show REV:./path} (run in the repository folder, so a repository that
 * is a subfolder of its work tree works too), written to a temporary folder and loaded like the working tree. This
 * is the edge where git runs; what comes out is an ordinary {@link RepositoryModel}.
 */
public final class GitRevision {
    private static final long TIMEOUT_SECONDS = 60;

    /** REV is unknown, the folder is not in a git work tree, or git can't be run. */
    public static final class UnreadableRevision extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableRevision(String message) {
            super(message);
        }
    }

    private GitRevision() {
    }

    /** The repository at {@code revision}, loaded from a temporary copy that is deleted afterwards. */
    public static RepositoryModel load(Path repo, String revision, LocalDate today)
            throws UnreadableRevision, RepositoryLoader.UnreadableRepository {
        String commit = resolve(repo, revision);
        List<String> files = new ArrayList<>();
        for (String line : git(repo, "ls-tree", "-r", "--name-only", commit, "--", RepositoryModel.SUITE_FILE,
                RepositoryModel.POLICIES, RepositoryModel.TASK_DEFINITIONS).split("\n")) {
            if (!line.isBlank()) {
                files.add(line);
            }
        }
        if (!files.contains(RepositoryModel.SUITE_FILE)) {
            throw new UnreadableRevision(revision + " has no " + RepositoryModel.SUITE_FILE + " in " + repo);
        }
        Path copy;
        try {
            copy = Files.createTempDirectory("policy-suite-base-");
        } catch (IOException e) {
            throw new UnreadableRevision("cannot create a temporary folder for " + revision + ": " + e.getMessage());
        }
        try {
            for (String file : files) {
                Path target = copy.resolve(file).normalize();
                if (!target.startsWith(copy)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, gitBytes(repo, "show", commit + ":./" + file));
            }
            return new RepositoryLoader().load(copy, today);
        } catch (IOException e) {
            throw new UnreadableRevision("cannot copy " + revision + " to a temporary folder: " + e.getMessage());
        } finally {
            delete(copy);
        }
    }

    /** The commit {@code revision} names, or a one-line reason why it can't be used. */
    static String resolve(Path repo, String revision) throws UnreadableRevision {
        if (revision == null || revision.isBlank() || revision.startsWith("-")) {
            throw new UnreadableRevision("--base needs a git revision such as origin/main or HEAD~1");
        }
        Result inside = run(repo, "rev-parse", "--is-inside-work-tree");
        if (inside.exit() != 0 || !inside.out().strip().equals("true")) {
            throw new UnreadableRevision(repo + " is not in a git work tree, so there is no revision " + revision
                    + " to compare with");
        }
        Result commit = run(repo, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (commit.exit() != 0 || commit.out().isBlank()) {
            throw new UnreadableRevision("unknown git revision " + revision + " (in CI, fetch it first, e.g."
                    + " actions/checkout with fetch-depth: 0)");
        }
        return commit.out().strip();
    }

    private static String git(Path repo, String... args) throws UnreadableRevision {
        return new String(gitBytes(repo, args), StandardCharsets.UTF_8);
    }

    private static byte[] gitBytes(Path repo, String... args) throws UnreadableRevision {
        Result r = runBytes(repo, args);
        if (r.exit() != 0) {
            throw new UnreadableRevision("git " + args[0] + " failed in " + repo + ": " + r.err().strip().lines()
                    .findFirst().orElse("exit " + r.exit()));
        }
        return r.bytes();
    }

    private record Result(int exit, byte[] bytes, String err) {
        String out() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Result run(Path repo, String... args) throws UnreadableRevision {
        return runBytes(repo, args);
    }

    private static Result runBytes(Path repo, String... args) throws UnreadableRevision {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false"));
        command.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(command).directory(repo.toFile()).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UnreadableRevision("git " + args[0] + " did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
            return new Result(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreadableRevision("cannot run git (is it installed and on PATH?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableRevision("interrupted while running git");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary folder is not worth failing the comparison for
        }
    }
}
