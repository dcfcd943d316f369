package dev.autoif.nli;

import dev.autoif.nli.onnx.TinyNliModel;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Points the service at the tiny int8 NLI model, written to a fresh directory before Quarkus starts. */
public class OnnxModelProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = TinyNliModel.write(Files.createTempDirectory("nli-model"), TinyNliModel.Variant.INT8);
            return Map.of("autoif.nli.model-path", dir.toString(), "autoif.nli.gather-window", "20ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
