package com.amply.policysuite.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void a_control_character_quoted_in_a_message_cannot_split_the_finding_over_lines() {
        Finding f = new Finding("NAME001", Severity.ERROR, "task-definitions/prod/api.json", "/a", 3, 5,
                "secret amply/prod/db-AbC123\n names a line break,\ta tab and a bell \u0007.");
        assertThat(f.message()).isEqualTo("secret amply/prod/db-AbC123\\n names a line break,\\ta tab and a bell \\u0007.");
        assertThat(f.toLine()).doesNotContain("\n").endsWith("a bell \\u0007.");
        assertThat(new Finding("X001", Severity.INFO, "f", "", 0, 0, "plain äöü text").message()).isEqualTo("plain äöü text");
    }

    @Test
    void files_and_pointers_are_written_visibly_but_kept_exact() {
        Finding f = new Finding("TD001", Severity.ERROR, "task-definitions/prod/a\nb.json", "/a\nb", 1, 1,
                "unknown key a\u2028b, next\u0085line");
        assertThat(f.pointer()).as("kept exact, for waivers").isEqualTo("/a\nb");
        assertThat(f.message()).isEqualTo("unknown key a\\u2028b, next\\u0085line");
        assertThat(f.toLine()).isEqualTo("TD001 error task-definitions/prod/a\\nb.json:1:1 /a\\nb: unknown key a\\u2028b,"
                + " next\\u0085line");
    }
}
