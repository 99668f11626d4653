package com.amply.policysuite.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The official SARIF 2.1.0 JSON schema (draft-04), shipped as test data in
 * {@code src/test/resources/sarif-schema-2.1.0.json} (source and license in NOTICE), and a validator for it.
 */
public final class SarifSchema {
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        try {
            String text = Files.readString(Path.of("src/test/resources/sarif-schema-2.1.0.json"));
            // the schema declares draft-04 ("$schema": "http://json-schema.org/draft-04/schema#"), so read it as such
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code sarif} as a SARIF 2.1.0 log; empty when it is valid. */
    public static List<String> violations(String sarif) {
        return SCHEMA.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
