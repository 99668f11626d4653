package com.amply.policysuite.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.FixtureRepository;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The gate over this repository's own files, run by {@code mvn verify}: one test per rule and file, so the
 * Surefire report names what failed. Any error-level finding fails the build.
 */
class RepositoryGateTest {
    @TestFactory
    Stream<DynamicContainer> this_repository_passes_every_rule() {
        RepositoryModel model = FixtureRepository.load(Path.of("."));
        List<Finding> findings = CheckRun.run(model, RuleRegistry.all()).findings();
        return RuleRegistry.all().stream().map(rule -> DynamicContainer.dynamicContainer(rule.info().id(),
                model.filesChecked().stream().map(file -> DynamicTest.dynamicTest(rule.info().id() + " " + file, () -> {
                    List<String> errors = findings.stream()
                            .filter(f -> f.ruleId().equals(rule.info().id()) && f.file().equals(file)
                                    && f.severity() == Severity.ERROR)
                            .map(Finding::toLine)
                            .toList();
                    assertThat(errors).as(rule.info().id() + " on " + file).isEmpty();
                }))));
    }
}
