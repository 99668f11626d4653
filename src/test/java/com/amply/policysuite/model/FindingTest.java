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
}
