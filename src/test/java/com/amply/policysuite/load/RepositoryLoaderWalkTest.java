package com.amply.policysuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.TrackedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the loader and the leak scan's file list take, outside a git work tree. */
class RepositoryLoaderWalkTest {

    @Test
    void a_symbolic_link_to_a_file_is_read_through_and_skipped_folders_are_not_descended(@TempDir Path tmp) throws Exception {
        Path root = FixtureRepository.build(tmp.resolve("repo"), null);
        Path outside = Files.writeString(tmp.resolve("outside.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Files.createSymbolicLink(root.resolve("policies/prod/linked.json"), outside);
        Files.createSymbolicLink(root.resolve("policies/prod/dangling.json"), tmp.resolve("missing.json"));
        Files.createDirectories(root.resolve("target/classes"));
        Files.writeString(root.resolve("target/classes/built.json"), "{}");
        Files.createDirectories(root.resolve(".git/objects"));
        Files.writeString(root.resolve(".git/objects/blob"), "x");
        Files.writeString(root.resolve("policies/prod/.hidden.json"), "{");
        Files.writeString(root.resolve("policies/prod/NOTES.md"), "# notes");

        RepositoryModel model = FixtureRepository.load(root);

        assertThat(model.policies()).extracting(Policy::file).contains("policies/prod/linked.json")
                .doesNotContain("policies/prod/dangling.json", "policies/prod/.hidden.json", "policies/prod/NOTES.md");
        assertThat(model.filesChecked()).contains("policies/prod/linked.json").doesNotContain("policies/prod/dangling.json");
        assertThat(model.trackedFiles()).extracting(TrackedFile::path)
                .contains("policies/prod/linked.json", "policies/prod/NOTES.md", "suite.yaml")
                .noneMatch(p -> p.startsWith("target/") || p.startsWith(".git/") || p.equals("policies/prod/dangling.json"))
                .isSorted();
    }

    @Test
    void in_a_git_work_tree_files_not_yet_added_are_checked_but_the_leak_scan_takes_what_git_tracks(@TempDir Path tmp)
            throws Exception {
        Path root = FixtureRepository.build(tmp.resolve("repo"), null);
        git(root, "init", "-q");
        git(root, "add", "-A");
        Files.writeString(root.resolve("policies/prod/new.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}");

        RepositoryModel model = FixtureRepository.load(root);

        assertThat(model.policies()).extracting(Policy::file).contains("policies/prod/new.json", "policies/prod/api-task.json");
        assertThat(model.trackedFiles()).extracting(TrackedFile::path).contains("policies/prod/api-task.json")
                .doesNotContain("policies/prod/new.json");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void a_read_failure_is_described_in_words_not_only_by_its_path() {
        assertThat(RepositoryLoader.reason(new java.nio.file.AccessDeniedException("policies/prod/x.json")))
                .isEqualTo("permission denied: policies/prod/x.json");
        assertThat(RepositoryLoader.reason(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("schemas"))))
                .isEqualTo("no such file: schemas");
        assertThat(RepositoryLoader.reason(new java.io.IOException("disk on fire"))).isEqualTo("IOException: disk on fire");
    }

    @Test
    void a_tracked_link_to_a_named_pipe_is_skipped_not_opened(@TempDir Path tmp) throws Exception {
        Path root = FixtureRepository.build(tmp.resolve("repo"), null);
        Path fifo = tmp.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Files.createSymbolicLink(root.resolve("pipe-link"), fifo);
        git(root, "init", "-q");
        git(root, "add", "-A");

        // opening the pipe would block until a writer came; the check must finish without one
        RepositoryModel model = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> FixtureRepository.load(root));

        assertThat(model.trackedFiles()).extracting(TrackedFile::path).contains("suite.yaml").doesNotContain("pipe-link");
    }

    @Test
    void a_waiver_file_that_is_a_named_pipe_is_a_finding_not_a_hang(@TempDir Path tmp) throws Exception {
        Path root = FixtureRepository.build(tmp.resolve("repo"), null);
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("waivers.yaml").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");

        RepositoryModel model = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> FixtureRepository.load(root));

        assertThat(model.unloadable()).anySatisfy(u -> {
            assertThat(u.file()).isEqualTo("waivers.yaml");
            assertThat(u.problem().message()).isEqualTo("is not a regular file");
        });
    }
}
