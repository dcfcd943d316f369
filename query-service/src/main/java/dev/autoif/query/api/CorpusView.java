package dev.autoif.query.api;

import dev.autoif.query.domain.CorpusIngestFilters;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A corpus as the API shows it: what its upload yielded. read = stored + empty + duplicate + tooLong + malformed +
 * the sum of {@code filtered}.
 *
 * @param filters the upload's filters (all null when none)
 * @param filtered queries removed per filter: min-chars, max-chars, language
 */
public record CorpusView(String id, String format, String status, String source, long read, long stored,
        long empty, long duplicate, long tooLong, long malformed, List<MalformedLine> malformedLines,
        CorpusIngestFilters filters, Map<String, Long> filtered, Instant createdAt, Instant loadedAt) {

    /** One of the first malformed records: where it was and why it was skipped. */
    public record MalformedLine(long line, String reason) {
    }
}
