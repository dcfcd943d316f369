package dev.autoif.query.api;

import java.time.Instant;
import java.util.List;

/** A corpus as the API shows it: what its upload yielded. read = stored + empty + duplicate + tooLong + malformed. */
public record CorpusView(String id, String format, String status, String source, long read, long stored,
        long empty, long duplicate, long tooLong, long malformed, List<MalformedLine> malformedLines,
        Instant createdAt, Instant loadedAt) {

    /** One of the first malformed records: where it was and why it was skipped. */
    public record MalformedLine(long line, String reason) {
    }
}
