package dev.autoif.export.domain;

/**
 * What this service holds for a run.
 *
 * @param judged judgements stored, kept and dropped
 * @param kept judgements the judge kept
 * @param verifiedResponses verified responses stored (material of query-level pairs)
 * @param queryPairPrompts prompts with at least one chosen (pass rate above 0.5) and one rejected (0) response
 * @param instructionCasePairs instruction-level case pairs stored
 */
public record ExportCounts(long judged, long kept, long verifiedResponses, long queryPairPrompts,
        long instructionCasePairs) {
}
