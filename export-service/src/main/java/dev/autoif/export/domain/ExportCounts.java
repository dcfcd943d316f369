package dev.autoif.export.domain;

/**
 * What this service holds for a run.
 *
 * @param judged judgements stored, kept and dropped
 * @param kept judgements the judge kept
 * @param verifiedResponses verified responses stored (material of query-level pairs)
 * @param queryPairPrompts prompts with at least one chosen and one rejected response by {@link PairRule} response
 * @param instructionCasePairs instruction-level case pairs stored (cross-validation's, before NLI)
 * @param acceptedInstructionCasePairs the ones whose instruction survived NLI: what instruction-level DPO exports
 */
public record ExportCounts(long judged, long kept, long verifiedResponses, long queryPairPrompts,
        long instructionCasePairs, long acceptedInstructionCasePairs) {
}
