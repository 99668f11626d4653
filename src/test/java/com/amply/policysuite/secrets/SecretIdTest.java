package com.amply.policysuite.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretIdTest {

    @Test
    void parses_the_amply_env_name_form() {
        assertThat(SecretId.parse("amply/prod/stripe-secret-key"))
                .contains(new SecretId("prod", "stripe-secret-key"));
        assertThat(new SecretId("sandbox", "redis-url")).hasToString("amply/sandbox/redis-url");
    }

    @Test
    void rejects_other_forms_without_throwing() {
        assertThat(SecretId.parse(null)).isEmpty();
        assertThat(SecretId.parse("amply/prod")).isEmpty();
        assertThat(SecretId.parse("other/prod/database-url")).isEmpty();
        assertThat(SecretId.parse("amply/prod/database-url/extra")).isEmpty();
    }
}
