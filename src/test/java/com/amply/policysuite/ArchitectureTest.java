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
    /** The only packages that may talk to AWS. */
    private static final List<String> AWS_PACKAGES = List.of("aws", "cli");

    @Test
    void rules_model_access_policy_and_the_comparisons_do_no_io() throws IOException {
        for (String pkg : List.of("rules", "model", "drift", "access", "policy", "change")) {
            for (Path f : sources(MAIN.resolve(pkg))) {
                String source = Files.readString(f);
                for (String forbidden : FORBIDDEN) {
                    assertThat(source).as(f + " must not use " + forbidden).doesNotContain(forbidden);
                }
            }
        }
    }

    @Test
    void only_the_aws_and_cli_packages_import_the_aws_sdk() throws IOException {
        for (Path f : sources(MAIN)) {
            String pkg = MAIN.relativize(f).getName(0).toString();
            if (!AWS_PACKAGES.contains(pkg)) {
                assertThat(Files.readString(f)).as(f + " should not import the AWS SDK; only " + AWS_PACKAGES + " talk to AWS")
                        .doesNotContain("import software.amazon").doesNotContain("software.amazon.awssdk.");
            }
        }
    }

    @Test
    void the_aws_package_is_not_empty_so_the_rule_above_checks_something() throws IOException {
        assertThat(sources(MAIN.resolve("aws"))).anySatisfy(f -> assertThat(Files.readString(f)).contains("import software.amazon"));
    }

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
