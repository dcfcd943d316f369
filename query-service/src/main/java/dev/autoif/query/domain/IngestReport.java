package dev.autoif.query.domain;

import java.util.List;
import java.util.Map;

/**
 * What an upload yielded. {@code read} counts every record seen (queries and malformed ones);
 * read = stored + empty + duplicate + tooLong + malformed + the sum of {@code filtered}.
 *
 * @param malformedLines the first malformed line numbers (up to the configured limit)
 * @param malformedReasons the reason for each of those lines, same order
 * @param filtered queries the upload's filters removed, by filter ({@link CorpusIngestFilters})
 */
public record IngestReport(long read, long stored, long empty, long duplicate, long tooLong, long malformed,
        List<Long> malformedLines, List<String> malformedReasons, Map<String, Long> filtered) {

    public long filteredTotal() {
        return filtered.values().stream().mapToLong(Long::longValue).sum();
    }
}
