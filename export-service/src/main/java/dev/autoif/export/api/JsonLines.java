package dev.autoif.export.api;

import com.fasterxml.jackson.databind.ObjectWriter;
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

    private static final ObjectWriter WRITER = EnvelopeCodec.mapper().writer();

    private JsonLines() {
    }

    static StreamingOutput of(Supplier<Stream<?>> lines) {
        return out -> write(lines.get(), out);
    }

    static long write(Stream<?> lines, OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(target, 64 * 1024);
        long[] count = {0};
        try (lines) {
            lines.forEach(line -> {
                try {
                    out.write(WRITER.writeValueAsBytes(line));
                    out.write('\n');
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
