package com.amply.policysuite.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import com.amply.policysuite.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    @Test
    void docs_rules_md_is_generated_from_the_rules() throws Exception {
        String expected = RuleCatalog.markdown(com.amply.policysuite.rules.LiveRules.catalog());
        assertThat(Files.readString(Path.of("docs/rules.md")))
                .as("docs/rules.md is stale: run ./policy-suite rules --format markdown > docs/rules.md")
                .isEqualTo(expected);
    }

    @Test
    void rule_ids_are_unique_and_well_formed_and_classes_are_named_for_what_they_check() {
        Set<String> ids = new HashSet<>();
        for (Rule r : RuleRegistry.all()) {
            RuleInfo i = r.info();
            assertThat(ids.add(i.id())).as("unique id " + i.id()).isTrue();
            assertThat(i.id()).matches(RuleInfo.ID.pattern());
            assertThat(r.getClass().getSimpleName()).doesNotContain("Rule").doesNotContain("Util");
            assertThat(i.docUrl()).startsWith("https://");
        }
    }

    @Test
    void live_rules_are_in_the_catalog_with_ids_of_their_own() {
        Set<String> ids = new HashSet<>();
        for (RuleInfo i : com.amply.policysuite.rules.LiveRules.catalog()) {
            assertThat(ids.add(i.id())).as("unique id " + i.id()).isTrue();
        }
        assertThat(com.amply.policysuite.rules.LiveRules.all()).extracting(r -> r.info().id())
                .containsExactly("IAM020", "IAM021", "IAM022", "IAM023", "IAM024", "IAM025");
        for (var rule : RuleRegistry.all()) {
            assertThat(com.amply.policysuite.rules.LiveRules.all()).extracting(r -> r.info().id())
                    .as("a live rule reuses the id of " + rule.info().id()).doesNotContain(rule.info().id());
        }
        assertThat(RuleRegistry.all()).noneMatch(r -> r.info().id().compareTo("IAM020") >= 0 && r.info().id().startsWith("IAM"));
    }

    @Test
    void a_rule_id_carrying_a_severity_letter_or_an_unknown_prefix_is_rejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RuleInfo("E001", "t",
                com.amply.policysuite.model.Severity.ERROR, "r", "https://x")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RuleInfo("TD01", "t",
                com.amply.policysuite.model.Severity.ERROR, "r", "https://x")).isInstanceOf(IllegalArgumentException.class);
    }
}
