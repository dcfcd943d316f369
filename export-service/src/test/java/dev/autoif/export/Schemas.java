package dev.autoif.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        JsonSchema schema;
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + schemaName + ".schema.json")) {
            assertThat(in).as("schema " + schemaName).isNotNull();
            schema = FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            assertThat(schema.validate(node)).as("%s line %s", schemaName, line).isEmpty();
            lines.add(node);
        }
        assertThat(body.isEmpty() || body.endsWith("\n")).as("every line ends with a newline").isTrue();
        return lines;
    }
}
