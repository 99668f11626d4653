package com.amply.policysuite.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every rule over its fixtures: {@code fixtures/<RULE-ID>/good/<case>} must give no finding of that rule,
 * {@code fixtures/<RULE-ID>/bad/<case>} exactly the findings in its {@code expected.txt}. Run with
 * {@code -Dfixtures.update=true} to rewrite the snapshots after a deliberate change, and review the diff.
 */
class RuleFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("fixtures.update");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicNode> every_rule_against_its_fixtures() {
        return RuleRegistry.all().stream().map(rule -> {
            String id = rule.info().id();
            List<DynamicNode> cases = new ArrayList<>();
            for (String kind : List.of("good", "bad")) {
                for (Path c : cases(id, kind)) {
                    cases.add(DynamicTest.dynamicTest(kind + "/" + c.getFileName(), () -> run(rule, kind, c)));
                }
            }
            return DynamicContainer.dynamicContainer(id + " " + rule.info().title(), cases);
        });
    }

    @TestFactory
    Stream<DynamicTest> every_rule_has_good_and_bad_fixtures() {
        return RuleRegistry.all().stream().map(rule -> DynamicTest.dynamicTest(rule.info().id(), () -> {
            assertThat(cases(rule.info().id(), "good")).as("good fixtures of " + rule.info().id()).isNotEmpty();
            assertThat(cases(rule.info().id(), "bad")).as("bad fixtures of " + rule.info().id()).isNotEmpty();
        }));
    }

    private static List<Path> cases(String id, String kind) {
        Path dir = FixtureRepository.FIXTURES.resolve(id).resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void run(Rule rule, String kind, Path caseDir) throws IOException {
        Path repo = FixtureRepository.build(Files.createTempDirectory(temp, "repo"), caseDir);
        Findings findings = new Findings();
        rule.check(FixtureRepository.load(repo), findings);
        List<String> actual = findings.list().stream().sorted(Finding.ORDER).map(Finding::toLine).toList();
        if (kind.equals("good")) {
            assertThat(actual).as(caseDir + " must give no " + rule.info().id() + " finding").isEmpty();
            return;
        }
        Path expected = caseDir.resolve("expected.txt");
        if (UPDATE) {
            Files.writeString(expected, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(actual).as(caseDir + " must give at least one " + rule.info().id() + " finding").isNotEmpty();
        assertThat(Files.exists(expected)).as(expected + " exists (create it with -Dfixtures.update=true)").isTrue();
        assertThat(actual).as("findings of " + caseDir).containsExactlyElementsOf(
                Files.readAllLines(expected, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
    }
}
