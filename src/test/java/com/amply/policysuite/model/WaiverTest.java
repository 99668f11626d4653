package com.amply.policysuite.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WaiverTest {
    private static Waiver waiver(String rule, String glob, String pointer) {
        return new Waiver(rule, FileGlob.parse(glob), pointer, "reason", LocalDate.of(2027, 3, 1), "/waivers/0");
    }

    private static Finding finding(String rule, String file, String pointer) {
        return new Finding(rule, Severity.ERROR, file, pointer, 3, 5, "message");
    }

    @Test
    void a_star_stays_within_one_folder_and_a_double_star_crosses_folders() {
        FileGlob star = FileGlob.parse("task-definitions/*.json");
        assertThat(star.matches("task-definitions/api.json")).isTrue();
        assertThat(star.matches("task-definitions/prod/api.json")).isFalse();
        FileGlob any = FileGlob.parse("task-definitions/**/api.json");
        assertThat(any.matches("task-definitions/api.json")).isTrue();
        assertThat(any.matches("task-definitions/prod/api.json")).isTrue();
        assertThat(any.matches("task-definitions/a/b/api.json")).isTrue();
        assertThat(any.matches("policies/prod/api.json")).isFalse();
        assertThat(FileGlob.parse("task-definitions/**").matches("task-definitions/prod/api.json")).isTrue();
        assertThat(FileGlob.parse("policies/prod/api-?.json").matches("policies/prod/api-1.json")).isTrue();
        assertThat(FileGlob.parse("policies/a.b").matches("policies/aXb")).as("a dot is a dot").isFalse();
    }

    @Test
    void a_glob_that_could_mean_more_than_it_says_is_rejected() {
        assertThatThrownBy(() -> FileGlob.parse("task-definitions/[ab].json")).hasMessage("uses '['; only *, ** and ? are wildcards");
        assertThatThrownBy(() -> FileGlob.parse("/suite.yaml")).hasMessageContaining("relative to the repository root");
        assertThatThrownBy(() -> FileGlob.parse("a/../suite.yaml")).hasMessageContaining(".. path segment");
        assertThatThrownBy(() -> FileGlob.parse("a/x**.json")).hasMessageContaining("** must be a whole segment");
        assertThatThrownBy(() -> FileGlob.parse(" ")).hasMessage("is empty");
    }

    @Test
    void a_waiver_matches_rule_file_and_the_pointer_or_below_it_never_lines() {
        Waiver w = waiver("TD007", "task-definitions/sandbox/*.json", "/containerDefinitions/0/environment/3");
        assertThat(w.covers(finding("TD007", "task-definitions/sandbox/api.json", "/containerDefinitions/0/environment/3"))).isTrue();
        assertThat(w.covers(finding("TD007", "task-definitions/sandbox/api.json", "/containerDefinitions/0/environment/3/value"))).isTrue();
        assertThat(w.covers(finding("TD007", "task-definitions/sandbox/api.json", "/containerDefinitions/0/environment/30"))).isFalse();
        assertThat(w.covers(finding("TD002", "task-definitions/sandbox/api.json", "/containerDefinitions/0/environment/3"))).isFalse();
        assertThat(w.covers(finding("TD007", "task-definitions/prod/api.json", "/containerDefinitions/0/environment/3"))).isFalse();
        assertThat(waiver("TD007", "task-definitions/**", null).covers(finding("TD007", "task-definitions/prod/api.json", "/x"))).isTrue();
        assertThat(waiver("TD007", "task-definitions/**", "").covers(finding("TD007", "task-definitions/prod/api.json", "/x"))).isFalse();
    }

    @Test
    void a_parse_failure_is_waived_only_by_its_exact_rule_and_file() {
        Finding unparsable = finding("TD000", "task-definitions/sandbox/api.json", "");
        assertThat(waiver("TD000", "task-definitions/sandbox/*.json", null).covers(unparsable)).isFalse();
        assertThat(waiver("TD000", "task-definitions/**", null).covers(unparsable)).isFalse();
        assertThat(waiver("TD000", "task-definitions/sandbox/api.json", null).covers(unparsable)).isTrue();
        assertThat(waiver("TD007", "task-definitions/sandbox/api.json", null).covers(unparsable)).isFalse();
    }
}
