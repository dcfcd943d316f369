package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The uploaded and generated files of the Files API, in memory for the simulator's life. */
final class SimFiles {

    /** One file: what {@code GET /v1/files/{id}} describes and {@code /content} returns. */
    record SimFile(String id, String filename, String purpose, byte[] content, long createdAt) {

        ObjectNode toJson() {
            ObjectNode o = Http.JSON.createObjectNode();
            o.put("id", id);
            o.put("object", "file");
            o.put("bytes", content.length);
            o.put("created_at", createdAt);
            o.put("filename", filename);
            o.put("purpose", purpose);
            o.put("status", "processed");
            o.putNull("status_details");
            return o;
        }
    }

    private final Map<String, SimFile> files = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    SimFile add(String filename, String purpose, byte[] content) {
        String id = "file-sim" + String.format("%08d", sequence.incrementAndGet());
        SimFile f = new SimFile(id, filename, purpose, content, Instant.now().getEpochSecond());
        files.put(id, f);
        return f;
    }

    Optional<SimFile> get(String id) {
        return Optional.ofNullable(files.get(id));
    }
}
