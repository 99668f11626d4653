package com.amply.policysuite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretArnTest {
    private static final Set<String> KNOWN = Set.of("amply/prod/database-url", "amply/prod/checkpoint-signing-key");
    private static final String PREFIX = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:";

    private static SecretArn ok(String text) {
        SecretArn.Parse p = SecretArn.parse(text, KNOWN::contains);
        assertThat(p).isInstanceOf(SecretArn.Parse.Ok.class);
        return ((SecretArn.Parse.Ok) p).arn();
    }

    private static String malformed(String text) {
        SecretArn.Parse p = SecretArn.parse(text, KNOWN::contains);
        assertThat(p).isInstanceOf(SecretArn.Parse.Malformed.class);
        return ((SecretArn.Parse.Malformed) p).reason();
    }

    @Test
    void a_partial_arn_has_no_suffix() {
        SecretArn a = ok(PREFIX + "amply/prod/database-url");
        assertThat(a.secretName()).isEqualTo("amply/prod/database-url");
        assertThat(a.randomSuffix()).isNull();
        assertThat(a.arn().region()).isEqualTo("eu-central-1");
    }

    @Test
    void the_random_suffix_of_a_known_name_is_stripped_even_in_lower_case() {
        assertThat(ok(PREFIX + "amply/prod/database-url-abcdef").secretName()).isEqualTo("amply/prod/database-url");
        assertThat(ok(PREFIX + "amply/prod/database-url-abcdef").randomSuffix()).isEqualTo("abcdef");
    }

    @Test
    void a_mixed_case_suffix_is_stripped_from_an_unknown_name_and_a_kebab_word_is_kept() {
        assertThat(ok(PREFIX + "amply/prod/mail-key-AbCdEf").secretName()).isEqualTo("amply/prod/mail-key");
        assertThat(ok(PREFIX + "amply/prod/mail-backup").secretName()).isEqualTo("amply/prod/mail-backup");
    }

    @Test
    void the_json_key_suffix_is_read() {
        SecretArn a = ok(PREFIX + "amply/prod/checkpoint-signing-key-AbCdEf:private_key::");
        assertThat(a.secretName()).isEqualTo("amply/prod/checkpoint-signing-key");
        assertThat(a.jsonKey()).isEqualTo("private_key");
        assertThat(a.versionStage()).isNull();
        assertThat(ok(PREFIX + "amply/prod/database-url::AWSPREVIOUS:").versionStage()).isEqualTo("AWSPREVIOUS");
    }

    @Test
    void malformed_arns_say_what_is_wrong() {
        assertThat(malformed("amply/prod/database-url")).startsWith("is not an ARN");
        assertThat(malformed("arn:aws:ssm:eu-central-1:123456789012:parameter/x")).isEqualTo("names service ssm, not secretsmanager");
        assertThat(malformed(PREFIX + "amply/prod/database-url:key")).startsWith("has 1 fields after the secret name");
        assertThat(malformed(PREFIX + "amply/prod/database-url:k:AWSCURRENT:v1")).isEqualTo("names both a version stage and a version id; ECS accepts one of them");
    }
}
