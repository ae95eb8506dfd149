package com.huntaze.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The build-time index of the checks' metadata: faster to read, never different from the files it was made of. */
class MetadataIndexTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static byte[] file(String resource) throws IOException {
        try (InputStream in = MetadataIndexTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void holdsEveryShippedCheckAsItsFileIsNow() throws IOException {
        MetadataIndex index = MetadataIndex.on(getClass().getClassLoader(), new ObjectMapper());
        for (Check check : ServiceCatalog.current().checks()) {
            String resource = CheckRegistry.metadataResource(check.id(), "yaml");
            assertThat(index.metadata(resource, file(resource))).as("index entry of " + resource
                    + " (run the build's process-classes step: mvn process-classes)").isPresent();
        }
    }

    @Test
    void theRegistryReadsFromItTheSameMetadataAsFromTheFiles() throws IOException {
        for (RegisteredCheck registered : CheckRegistry.load().checks()) {
            String resource = CheckRegistry.metadataResource(registered.id(), "yaml");
            assertThat(registered.metadata()).as(resource)
                    .isEqualTo(YAML.readValue(file(resource), CheckMetadata.class));
        }
    }

    @Test
    void aFileChangedSinceTheIndexWasMadeIsReadItself() throws IOException {
        MetadataIndex index = MetadataIndex.on(getClass().getClassLoader(), new ObjectMapper());
        String resource = CheckRegistry.metadataResource("rds.multi-az", "yaml");
        byte[] edited = (new String(file(resource), StandardCharsets.UTF_8) + "\n# edited\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(index.metadata(resource, edited)).isEmpty();
    }

    @Test
    void withoutAnIndexEveryFileIsRead() {
        ClassLoader none = new ClassLoader(null) {
        };
        assertThat(MetadataIndex.on(none, new ObjectMapper())
                .metadata("services/rds/checks/rds.multi-az.yaml", new byte[0])).isEmpty();
    }
}
