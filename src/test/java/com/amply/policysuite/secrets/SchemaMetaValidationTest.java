package com.amply.policysuite.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaMetaValidationTest {

    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    @TestFactory
    Stream<DynamicTest> every_schema_validates_against_the_draft_2020_12_meta_schema() throws IOException {
        return SecretSchemaFiles.read(Fixtures.SCHEMAS).entrySet().stream().map(file -> dynamicTest(file.getKey(),
                () -> assertThat(META_SCHEMA.validate(file.getValue(), InputFormat.JSON)).isEmpty()));
    }

    @Test
    void the_meta_schema_check_is_not_vacuous() {
        assertThat(META_SCHEMA.validate("{\"type\": 5, \"minLength\": -1}", InputFormat.JSON)).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> every_schema_declares_draft_2020_12_and_the_three_environments() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        return SecretSchemaFiles.read(Fixtures.SCHEMAS).entrySet().stream().map(file -> dynamicTest(file.getKey(), () -> {
            JsonNode doc = json.readTree(file.getValue());
            assertThat(doc.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(doc.at(SecretPayloadValidator.DEFS).propertyNames())
                    .filteredOn(def -> def.startsWith(SecretPayloadValidator.ENVIRONMENT_PREFIX))
                    .containsExactlyInAnyOrder("env-prod", "env-staging", "env-sandbox");
        }));
    }

    @Test
    void every_custom_keyword_and_annotation_is_documented_in_the_schemas_readme() throws IOException {
        String readme = java.nio.file.Files.readString(Fixtures.SCHEMAS.resolve("README.md"));
        for (String keyword : java.util.List.of(ConnectionUrlKeyword.NAME, PemPrivateKeyKeyword.NAME,
                DateRangeKeyword.NAME, KeyEntropyKeyword.NAME, SecretDialect.MESSAGE, SecretDialect.PAYLOAD)) {
            assertThat(readme).contains("### `" + keyword + "`");
        }
    }

    @Test
    void all_eight_secret_schemas_load_without_problems() {
        assertThat(Fixtures.validator().secretNames()).containsExactly(
                "api-encryption-key", "checkpoint-signing-key", "database-url", "redis-url", "sentry-dsn",
                "session-secret", "stripe-secret-key", "stripe-webhook-secret");
        assertThat(Fixtures.validator().schemaProblems()).isEmpty();
    }

    @Test
    void a_custom_keyword_with_bad_arguments_makes_that_schema_unusable_instead_of_being_ignored() {
        String schema = """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://policy-suite.amply.invalid/schemas/broken.schema.json",
                 "$defs": {"env-prod": {"type": "string", "keyEntropy": {"minBytes": "many"}}}}
                """;
        SecretPayloadValidator validator = SecretPayloadValidator.fromSchemaFiles(Map.of("broken.schema.json", schema));

        assertThat(validator.schemaProblems()).containsOnlyKeys("broken");
        assertThat(validator.validate("prod", "broken", "anything")).containsExactly(new Violation("", "schema",
                "broken.schema.json",
                "the schema cannot be used: it could not be compiled (check keyword names, custom keyword arguments and $refs)"));
    }

    @Test
    void a_misspelt_keyword_makes_that_schema_unusable_instead_of_being_ignored() {
        String schema = """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://policy-suite.amply.invalid/schemas/typo.schema.json",
                 "$defs": {"env-prod": {"type": "string", "connectionURL": {"schemes": ["https"]}}}}
                """;
        SecretPayloadValidator validator = SecretPayloadValidator.fromSchemaFiles(Map.of("typo.schema.json", schema));

        assertThat(validator.schemaProblems()).containsOnlyKeys("typo");
        assertThat(validator.validate("prod", "typo", "https://example.invalid")).extracting(Violation::rule)
                .containsExactly("schema");
    }

    @Test
    void a_remote_ref_is_not_fetched_and_makes_that_schema_unusable() {
        String schema = """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://policy-suite.amply.invalid/schemas/remote.schema.json",
                 "$defs": {"env-prod": {"$ref": "https://schemas.example.invalid/secret.json"}}}
                """;
        SecretPayloadValidator validator = SecretPayloadValidator.fromSchemaFiles(Map.of("remote.schema.json", schema));

        assertThat(validator.validate("prod", "remote", "anything")).extracting(Violation::rule)
                .containsExactly("schema");
    }

    @Test
    void a_schema_file_that_is_not_json_is_reported_when_its_secret_is_validated() {
        SecretPayloadValidator validator = SecretPayloadValidator.fromSchemaFiles(Map.of("broken.schema.json", "{"));

        assertThat(validator.validate("prod", "broken", "anything")).containsExactly(new Violation("", "schema",
                "broken.schema.json", "the schema cannot be used: schema file is not valid JSON"));
    }
}
