package com.amply.policysuite.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnFormatTest {

    private static final ArnFormat SECRET = ArnFormat.parse("arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}");
    private static final ArnFormat ROLE = ArnFormat.parse("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
    private static final ArnFormat BUCKET = ArnFormat.parse("arn:${Partition}:s3:::${BucketName}");
    private static final ArnFormat OBJECT = ArnFormat.parse("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    private static final ArnFormat TASK_DEFINITION = ArnFormat.parse(
            "arn:${Partition}:ecs:${Region}:${Account}:task-definition/${TaskDefinitionFamilyName}:${TaskDefinitionRevisionNumber}");
    private static final ArnFormat LOG_GROUP = ArnFormat.parse("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}");

    @Test
    void aConcreteArnMatchesItsFormat() {
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/db-AbCdEf")).isTrue();
        assertThat(ROLE.couldMatch("arn:aws:iam::123456789012:role/service-role/deployer")).isTrue();
        assertThat(SECRET.couldMatch("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:x")).isTrue();
    }

    @Test
    void wildcardsInThePolicyArnMatchAnyPlaceholderContent() {
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/*")).isTrue();
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:*:*:secret:*")).isTrue();
        assertThat(SECRET.couldMatch("arn:*:secretsmanager:eu-central-?:123456789012:secret:amply-??")).isTrue();
    }

    @Test
    void aStarExpandsPastColonBoundaries() {
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:*")).isTrue();
        assertThat(SECRET.couldMatch("arn:aws:*")).isTrue();
        assertThat(SECRET.couldMatch("*")).isTrue();
    }

    @Test
    void anArnOfAnotherServiceOrResourceTypeDoesNotMatch() {
        assertThat(SECRET.couldMatch("arn:aws:iam::123456789012:role/x")).isFalse();
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:eu-central-1:123456789012:parameter:x")).isFalse();
        assertThat(ROLE.couldMatch("arn:aws:iam::123456789012:user/x")).isFalse();
    }

    @Test
    void literalPartsAreCaseSensitive() {
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:eu-central-1:123456789012:Secret:x")).isFalse();
    }

    @Test
    void placeholdersNeedAtLeastOneCharacter() {
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager::123456789012:secret:x")).isFalse();
        assertThat(SECRET.couldMatch("arn:aws:secretsmanager:eu-central-1:123456789012:secret:")).isFalse();
        assertThat(ROLE.couldMatch("arn:aws:iam::123456789012:role/")).isFalse();
    }

    @Test
    void placeholdersInTheLeadingSegmentsNeverSpanAColon() {
        assertThat(ROLE.couldMatch("arn:aws:iam:eu-central-1:123456789012:role/x")).isFalse();
    }

    @Test
    void anS3ObjectPathIsNoBucketButIsAnObject() {
        assertThat(BUCKET.couldMatch("arn:aws:s3:::amply-artifacts/*")).isFalse();
        assertThat(OBJECT.couldMatch("arn:aws:s3:::amply-artifacts/*")).isTrue();
        assertThat(BUCKET.couldMatch("arn:aws:s3:::amply-artifacts")).isTrue();
        assertThat(OBJECT.couldMatch("arn:aws:s3:::amply-artifacts")).isFalse();
        assertThat(BUCKET.couldMatch("arn:aws:s3:::amply-*")).isTrue();
    }

    @Test
    void aTaskDefinitionArnNeedsARevision() {
        assertThat(TASK_DEFINITION.couldMatch("arn:aws:ecs:eu-central-1:123456789012:task-definition/api")).isFalse();
        assertThat(TASK_DEFINITION.couldMatch("arn:aws:ecs:eu-central-1:123456789012:task-definition/api:*")).isTrue();
        assertThat(TASK_DEFINITION.couldMatch("arn:aws:ecs:eu-central-1:123456789012:task-definition/api:12")).isTrue();
    }

    @Test
    void resourceIdPlaceholdersMaySpanColonsSoLogGroupArnsWithAStreamSuffixMatch() {
        assertThat(LOG_GROUP.couldMatch("arn:aws:logs:eu-central-1:123456789012:log-group:/ecs/api:*")).isTrue();
    }

    @Test
    void policyVariablesAreReadAsWildcardsAndEscapesAsLiterals() {
        assertThat(ROLE.couldMatch("arn:aws:iam::123456789012:role/${aws:username}")).isTrue();
        assertThat(ROLE.couldMatch("arn:aws:iam::${aws:PrincipalAccount}:role/x")).isTrue();
        assertThat(ROLE.couldMatch("arn:aws:iam::123456789012:role/literal-${*}")).isTrue();
        assertThat(ArnFormat.parse("arn:${Partition}:iam::aws:policy/${PolicyName}")
                .couldMatch("arn:aws:iam::123456789012:policy/${*}")).isFalse();
    }

    @Test
    void emptyOrMissingPolicyArnsMatchNothing() {
        assertThat(SECRET.couldMatch("")).isFalse();
        assertThat(SECRET.couldMatch(null)).isFalse();
        assertThat(SECRET.couldMatch("secret")).isFalse();
    }

    @Test
    void theFormatIsKeptAsWritten() {
        assertThat(SECRET.format()).isEqualTo("arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}");
        assertThat(SECRET).isEqualTo(ArnFormat.parse(SECRET.format()));
    }
}
