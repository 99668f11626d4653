package com.amply.policysuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules and the model stay pure: no file or network I/O, no printing, no AWS SDK, no reach into the edges. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/com/amply/policysuite");
    private static final List<String> FORBIDDEN = List.of("import java.io.File", "import java.nio.file", "import java.net",
            "import software.amazon", "System.out", "System.err", "import com.amply.policysuite.load",
            "import com.amply.policysuite.cli", "import com.amply.policysuite.report", "import com.amply.policysuite.aws");

    @Test
    void the_change_comparison_and_the_policy_questions_do_no_io() throws IOException {
        for (String pkg : List.of("change", "policy")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f);
                    for (String forbidden : FORBIDDEN) {
                        assertThat(source).as(f + " must not use " + forbidden).doesNotContain(forbidden);
                    }
                }
            }
        }
    }

    @Test
    void rules_and_model_do_no_io() throws IOException {
        for (String pkg : List.of("rules", "model")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f);
                    for (String forbidden : FORBIDDEN) {
                        assertThat(source).as(f + " must not use " + forbidden).doesNotContain(forbidden);
                    }
                }
            }
        }
    }
}
