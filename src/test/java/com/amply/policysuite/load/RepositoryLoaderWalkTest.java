package com.amply.policysuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.TrackedFile;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
