package com.amply.policysuite.load;

import com.amply.policysuite.model.RepositoryModel.TrackedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The files the leak scan reads: what {@code git ls-files} lists inside a git work tree, every file (but
 * {@code .git/} and {@code target/}) elsewhere. Binary files are skipped; a file over the size bound is kept
 * with the reason it could not be read, so the scan reports it instead of passing it.
 */
public final class TrackedFiles {
    static final long MAX_BYTES = 4L << 20;

    private TrackedFiles() {
    }

    /**
     * The tracked files read, and, when they were found by walking the tree (outside a git work tree), every
     * regular file the walk saw, sorted; null when git listed them (untracked files are then not among them).
     */
    public record Read(List<TrackedFile> files, List<String> walked) {
    }

    /**
     * Reads the tracked files and leaves each one's bytes in {@code contents} (by repository-relative path), so that
     * the loader parses policies and task definitions from them instead of reading every file twice.
     */
    public static Read read(Path root, java.util.Map<String, byte[]> contents) throws IOException {
        List<String> listed = gitLsFiles(root);
        List<String> walked = listed == null ? walk(root) : null;
        List<String> paths = listed != null ? listed : walked;
        List<TrackedFile> out = new ArrayList<>();
        for (String rel : paths) {
            Path f = root.resolve(rel);
            // the walk saw only regular files (or links to them); what git lists is looked at first, since opening a
            // named pipe would block, and a device or a submodule's directory is no file to scan
            if (listed != null && !Files.isRegularFile(f)) {
                continue; // also: deleted in the work tree
            }
            byte[] bytes;
            try {
                bytes = readAtMost(f, MAX_BYTES);
            } catch (NoSuchFileException e) {
                continue; // deleted since
            }
            if (bytes == null) {
                out.add(new TrackedFile(rel, null, "is " + Files.size(f) + " bytes, over the scan limit of " + MAX_BYTES + " bytes"));
                continue;
            }
            contents.put(rel, bytes);
            if (isBinary(bytes)) {
                continue;
            }
            out.add(new TrackedFile(rel, bytes, null));
        }
        return new Read(out, walked);
    }

    /**
     * The file's bytes, or null when it is larger than {@code max}: one open, the size from the open file, and an
     * array of exactly that size (a file that shrinks meanwhile gives what was there).
     */
    static byte[] readAtMost(Path file, long max) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > max) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until full or at the end
            }
            return buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        }
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The tracked files, or null when {@code root} is not the top of a git work tree or git is not available. */
    private static List<String> gitLsFiles(Path root) {
        if (!Files.exists(root.resolve(".git"))) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z").redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).sorted().toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A regular file, or a symbolic link to one. */
    private static boolean isFile(Path file, BasicFileAttributes attrs) {
        return attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
    }

    /** Every regular file but those under {@code .git/} and {@code target/}, which are not descended into. */
    private static List<String> walk(Path root) throws IOException {
        return walk(root, root);
    }

    /**
     * Every regular file (or link to one) under {@code from}, repository-relative with '/' separators and sorted; the
     * repository's {@code .git/} and {@code target/} are not descended into.
     */
    static List<String> walk(Path root, Path from) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(root, dir);
                return rel.equals(".git") || rel.equals("target") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isFile(file, attrs)) {
                    out.add(relative(root, file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return List.copyOf(out);
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
