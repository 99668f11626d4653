package com.amply.policysuite.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyDocumentEncodingTest {

    @Test
    void percent_escapes_are_decoded_and_a_plus_sign_stays_a_plus_sign() {
        assertThat(PolicyDocumentEncoding.decode("%7B%22aws%3ARequestTag%2Fteam%22%3A%22a+b%22%7D"))
                .isEqualTo("{\"aws:RequestTag/team\":\"a+b\"}");
        assertThat(PolicyDocumentEncoding.decode("a%2Bb")).isEqualTo("a+b");
    }

    @Test
    void multi_byte_utf8_sequences_are_decoded_as_one_character() {
        assertThat(PolicyDocumentEncoding.decode("caf%C3%A9 %E2%9C%93")).isEqualTo("café ✓");
    }

    @Test
    void a_percent_sign_without_two_hex_digits_is_kept() {
        assertThat(PolicyDocumentEncoding.decode("100%ZZ and 5%")).isEqualTo("100%ZZ and 5%");
        assertThat(PolicyDocumentEncoding.decode("{\"a\":\"b\"}")).isEqualTo("{\"a\":\"b\"}");
    }
}
