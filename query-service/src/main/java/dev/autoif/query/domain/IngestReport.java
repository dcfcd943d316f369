package dev.autoif.query.domain;

import java.util.List;

/**
 * What an upload yielded. {@code read} counts every record seen (queries and malformed ones);
 * read = stored + empty + duplicate + tooLong + malformed.
 *
 * @param malformedLines the first malformed line numbers (up to the configured limit)
 * @param malformedReasons the reason for each of those lines, same order
 */
public record IngestReport(long read, long stored, long empty, long duplicate, long tooLong, long malformed,
        List<Long> malformedLines, List<String> malformedReasons) {
}
