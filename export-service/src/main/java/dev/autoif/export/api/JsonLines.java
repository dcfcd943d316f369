package dev.autoif.export.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autoif.contracts.EnvelopeCodec;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Writes a lazily produced stream of records as JSON Lines. The stream is opened only when the body is written, so
 * rows are read page by page while bytes leave; nothing holds the whole export.
 */
final class JsonLines {

    static final String MEDIA_TYPE = "application/x-ndjson";

    /**
     * One generator for the whole body, each value followed by a newline, nothing between values: the same bytes as
     * serialising each line on its own, without a buffer and a generator per line, and no flush per value (the
     * buffer below decides when bytes leave).
     */
    private static final ObjectWriter WRITER = EnvelopeCodec.mapper().writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).withRootValueSeparator("");

    private JsonLines() {
    }

    static StreamingOutput of(Supplier<Stream<?>> lines) {
        return out -> write(lines.get(), out);
    }

    static long write(Stream<?> lines, OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(target, 64 * 1024);
        long[] count = {0};
        try (lines; JsonGenerator json = WRITER.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            lines.forEach(line -> {
                try {
                    WRITER.writeValue(json, line);
                    json.writeRaw('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return count[0];
    }
}
