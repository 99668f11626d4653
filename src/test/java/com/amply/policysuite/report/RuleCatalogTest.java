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
    void a_rule_id_carrying_a_severity_letter_or_an_unknown_prefix_is_rejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RuleInfo("E001", "t",
                com.amply.policysuite.model.Severity.ERROR, "r", "https://x")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RuleInfo("TD01", "t",
                com.amply.policysuite.model.Severity.ERROR, "r", "https://x")).isInstanceOf(IllegalArgumentException.class);
    }
}
