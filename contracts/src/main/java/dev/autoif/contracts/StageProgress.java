package dev.autoif.contracts;

import java.util.Map;

/**
 * A delta of one stage's counters for one run. Counters add up over all deltas (de-duplicated by message id).
 * A stage is done when it marked itself {@code complete} (source stages) or when it has taken in everything its
 * upstream stage emitted and that stage is done.
 *
 * @param itemsIn items taken in
 * @param itemsOut items emitted downstream
 * @param dropped items dropped, by reason
 * @param llmCalls LLM requests made
 * @param promptTokens prompt tokens billed
 * @param completionTokens completion tokens billed
 * @param complete true when this stage will emit nothing more for the run (set by stages that know it)
 * @param modes items by how the stage handled them, e.g. {"onnx": 1} or {"llm": 1} for the NLI filter (added in
 *     schema version 1 as an optional field: absent means none)
 * @param costMicroUsd what this delta's LLM calls cost, in millionths of a US dollar, at the client's price table
 *     (added later as an optional field: absent means 0); calls whose model has no price are not in it
 * @param savedMicroUsd what the answers served from the LLM cache would have cost, in millionths of a dollar
 * @param unknownPriceCalls LLM calls whose model is missing from the price table: their cost is unknown, not 0
 */
public record StageProgress(String runId, Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped,
        long llmCalls, long promptTokens, long completionTokens, boolean complete, Map<String, Long> modes,
        long costMicroUsd, long savedMicroUsd, long unknownPriceCalls) {

    public StageProgress {
        modes = modes == null ? Map.of() : modes;
        dropped = dropped == null ? Map.of() : dropped;
    }

    /** A delta without cost. */
    public StageProgress(String runId, Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped,
            long llmCalls, long promptTokens, long completionTokens, boolean complete, Map<String, Long> modes) {
        this(runId, stage, itemsIn, itemsOut, dropped, llmCalls, promptTokens, completionTokens, complete, modes,
                0, 0, 0);
    }

    /** This delta with the cost of its LLM calls. */
    public StageProgress withCost(long cost, long saved, long unknownPrice) {
        return new StageProgress(runId, stage, itemsIn, itemsOut, dropped, llmCalls, promptTokens, completionTokens,
                complete, modes, cost, saved, unknownPrice);
    }

    /** A delta without modes. */
    public StageProgress(String runId, Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped,
            long llmCalls, long promptTokens, long completionTokens, boolean complete) {
        this(runId, stage, itemsIn, itemsOut, dropped, llmCalls, promptTokens, completionTokens, complete, Map.of());
    }
}
