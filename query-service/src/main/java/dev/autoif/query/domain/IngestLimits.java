package dev.autoif.query.domain;

/**
 * @param maxQueryChars longer queries (after trimming) are dropped as too long
 * @param malformedLinesReported how many malformed line numbers a report lists (all are counted)
 * @param batchSize queries per store transaction
 */
public record IngestLimits(int maxQueryChars, int malformedLinesReported, int batchSize) {

    public IngestLimits {
        if (maxQueryChars < 1 || malformedLinesReported < 0 || batchSize < 1) {
            throw new IllegalArgumentException("invalid ingest limits");
        }
    }

    /**
     * Lines longer than this are not even held: even a JSON line of an acceptable query escaped at six characters
     * per character (\\uXXXX) plus its wrapper fits.
     */
    public int maxLineChars() {
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) maxQueryChars * 6 + 4096);
    }
}
