package dev.autoif.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.autoif.contracts.EnvelopeCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSONL body and checks every line against the format's JSON schema (src/test/resources/schemas). */
final class Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Schemas() {
    }

    static List<JsonNode> validLines(String body, String schemaName) {
        return validLines(body, schemaName, false);
    }

    /** Lines of a format with {@code ?metadata=true}: the autoif_* columns checked apart from the format's own. */
    static List<JsonNode> validLinesWithMetadata(String body, String schemaName) {
        return validLines(body, schemaName, true);
    }

    private static JsonSchema schema(String schemaName) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + schemaName + ".schema.json")) {
            assertThat(in).as("schema " + schemaName).isNotNull();
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> validLines(String body, String schemaName, boolean withMetadata) {
        JsonSchema schema = schema(schemaName);
        JsonSchema metadata = schema("metadata");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = EnvelopeCodec.mapper().readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
            JsonNode own = node;
            if (withMetadata) {
                ObjectNode meta = EnvelopeCodec.mapper().createObjectNode();
                ObjectNode rest = node.deepCopy();
                node.fieldNames().forEachRemaining(f -> {
                    if (f.startsWith("autoif_")) {
                        meta.set(f, rest.remove(f));
                    }
                });
                assertThat(metadata.validate(meta)).as("metadata of line %s", line).isEmpty();
                own = rest;
            }
            assertThat(schema.validate(own)).as("%s line %s", schemaName, line).isEmpty();
            lines.add(node);
        }
        assertThat(body.isEmpty() || body.endsWith("\n")).as("every line ends with a newline").isTrue();
        return lines;
    }
}
