package com.amply.policysuite.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.RandomText;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written splitters of {@link Arn} and {@link SecretName} against the plain {@code String.split} they replace. */
class ArnAndSecretNameParsingTest {

    @Test
    void arn_parse_splits_into_its_parts() {
        assertThat(Arn.parse("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/db-AbCdEf"))
                .contains(new Arn("aws", "secretsmanager", "eu-central-1", "123456789012", "secret:amply/prod/db-AbCdEf"));
        assertThat(Arn.parse("arn:aws:iam::123456789012:role/x")).contains(new Arn("aws", "iam", "", "123456789012", "role/x"));
        assertThat(Arn.parse("arn:aws:s3:::bucket/a:b:c")).contains(new Arn("aws", "s3", "", "", "bucket/a:b:c"));
        assertThat(Arn.parse("arn:aws:iam::123456789012:")).isEmpty();
        assertThat(Arn.parse("arn::iam::1:role/x")).isEmpty();
        assertThat(Arn.parse("arn:aws::::x")).isEmpty();
        assertThat(Arn.parse("arn:aws:iam:x")).isEmpty();
        assertThat(Arn.parse("*")).isEmpty();
        assertThat(Arn.parse(null)).isEmpty();
    }

    @Test
    void secret_name_split_takes_exactly_three_non_empty_parts() {
        assertThat(SecretName.split("amply/prod/database-url")).contains(new SecretName("amply", "prod", "database-url"));
        assertThat(SecretName.split("amply/database-url")).isEmpty();
        assertThat(SecretName.split("amply/prod/x/y")).isEmpty();
        assertThat(SecretName.split("amply//x")).isEmpty();
        assertThat(SecretName.split("/prod/x")).isEmpty();
        assertThat(SecretName.split("amply/prod/")).isEmpty();
    }

    @Test
    void both_agree_with_string_split_on_random_text() {
        Random random = new Random(20261204L);
        char[] alphabet = {'a', 'r', 'n', ':', ':', '/', '/', '*', '-'};
        for (int i = 0; i < 200_000; i++) {
            String s = (random.nextBoolean() ? "arn:" : "") + RandomText.of(random, 12, alphabet);
            assertThat(Arn.parse(s)).as(s).isEqualTo(arnBySplit(s));
            assertThat(Arn.isWellFormed(s)).as(s).isEqualTo(arnBySplit(s).isPresent());
            assertThat(SecretName.split(s)).as(s).isEqualTo(nameBySplit(s));
        }
    }

    @Test
    void word_tests_agree_with_their_regular_expressions() {
        java.util.regex.Pattern kebab = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
        java.util.regex.Pattern upperSnake = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
        Random random = new Random(4L);
        char[] alphabet = {'a', 'z', 'A', 'Z', '0', '9', '-', '_', '/', ' '};
        for (int i = 0; i < 200_000; i++) {
            String s = RandomText.of(random, 8, alphabet);
            assertThat(SecretName.isKebab(s)).as(s).isEqualTo(kebab.matcher(s).matches());
            assertThat(SecretName.isUpperSnake(s)).as(s).isEqualTo(upperSnake.matcher(s).matches());
        }
    }

    @Test
    void the_random_suffix_shape_agrees_with_its_regular_expression() {
        java.util.regex.Pattern suffix = java.util.regex.Pattern.compile("-([A-Za-z0-9]{6})$");
        Random random = new Random(6L);
        char[] alphabet = {'a', 'Z', '0', '-', '_', '/', 'x'};
        for (int i = 0; i < 200_000; i++) {
            String s = RandomText.of(random, 10, alphabet);
            assertThat(SecretArn.hasSuffixShape(s)).as(s).isEqualTo(suffix.matcher(s).find());
        }
    }

    @Test
    void a_line_break_after_the_suffix_is_part_of_the_name_not_ignored() {
        // the regular expression this replaced ended in '$', which also matches before a final line break, so such a
        // valueFrom passed as the secret itself; ECS would look up a different name, so it is now left as written
        SecretArn.Parse p = SecretArn.parse("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/db-AbC123\n",
                name -> true);
        assertThat(p).isInstanceOf(SecretArn.Parse.Ok.class);
        SecretArn arn = ((SecretArn.Parse.Ok) p).arn();
        assertThat(arn.secretName()).isEqualTo("amply/prod/db-AbC123\n");
        assertThat(arn.randomSuffix()).isNull();
    }

    private static Optional<Arn> arnBySplit(String text) {
        if (!text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    private static Optional<SecretName> nameBySplit(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecretName(parts[0], parts[1], parts[2]));
    }
}
