package com.amply.policysuite.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code schemas/examples/<secret>/{valid,invalid}/<env>-<case>.<ext>} is accepted or rejected as its
 * folder says; an invalid example's sibling {@code <env>-<case>.expected} lists the exact violations
 * ({@code <rule> @<pointer>}, one a line, order-insensitive).
 */
class SchemaExamplesTest {

    @TestFactory
    Stream<DynamicTest> every_example_is_accepted_or_rejected_as_its_folder_says() throws IOException {
        return payloadFiles().map(file -> {
            Path relative = Fixtures.EXAMPLES.relativize(file);
            String secret = relative.getName(0).toString();
            boolean valid = relative.getName(1).toString().equals("valid");
            String environment = relative.getFileName().toString().split("-", 2)[0];
            return dynamicTest(relative.toString().replace('\\', '/'), () -> {
                List<Violation> violations = Fixtures.validator().validate(environment, secret, Fixtures.payload(file));
                if (valid) {
                    assertThat(violations).isEmpty();
                } else {
                    assertThat(violations).extracting(v -> v.rule() + " @" + v.pointer())
                            .containsExactlyInAnyOrderElementsOf(expected(file));
                }
            });
        });
    }

    @Test
    void every_schema_has_valid_and_invalid_examples_in_every_environment() throws IOException {
        for (String secret : Fixtures.validator().secretNames()) {
            for (String folder : List.of("valid", "invalid")) {
                Set<String> environments = new TreeSet<>();
                try (Stream<Path> files = Files.list(Fixtures.EXAMPLES.resolve(secret).resolve(folder))) {
                    files.filter(f -> !f.toString().endsWith(".expected"))
                            .forEach(f -> environments.add(f.getFileName().toString().split("-", 2)[0]));
                }
                assertThat(environments).as(secret + "/" + folder)
                        .isEqualTo(Fixtures.validator().environments(secret));
            }
        }
    }

    @Test
    void every_invalid_example_has_an_expectation_file_and_no_expectation_is_orphaned() throws IOException {
        try (Stream<Path> all = Files.walk(Fixtures.EXAMPLES)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            for (Path file : files) {
                String name = file.getFileName().toString();
                String base = name.substring(0, name.lastIndexOf('.'));
                boolean invalid = file.getParent().getFileName().toString().equals("invalid");
                if (name.endsWith(".expected")) {
                    assertThat(files).as(file.toString())
                            .anyMatch(f -> !f.equals(file) && f.getParent().equals(file.getParent())
                                    && f.getFileName().toString().startsWith(base + "."));
                } else if (invalid) {
                    assertThat(file.resolveSibling(base + ".expected")).exists();
                }
            }
        }
    }

    private static Stream<Path> payloadFiles() throws IOException {
        try (Stream<Path> all = Files.walk(Fixtures.EXAMPLES)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".expected"))
                    .filter(f -> !f.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static List<String> expected(Path payloadFile) throws IOException {
        String name = payloadFile.getFileName().toString();
        Path file = payloadFile.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
