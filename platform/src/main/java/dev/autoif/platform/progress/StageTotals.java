package dev.autoif.platform.progress;

import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sum of a stage's progress deltas for one run, whether the stage is done, and its items by mode.
 *
 * @param costMicroUsd the stage's LLM spend in millionths of a dollar (calls of unknown price not included)
 * @param savedMicroUsd what the stage's cache hits would have cost
 * @param unknownPriceCalls LLM calls whose model has no price: the cost above is then a lower bound
 */
public record StageTotals(Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped, long llmCalls,
        long promptTokens, long completionTokens, boolean complete, boolean done, Map<String, Long> modes,
        long costMicroUsd, long savedMicroUsd, long unknownPriceCalls) {

    /** Totals without cost. */
    public StageTotals(Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped, long llmCalls,
            long promptTokens, long completionTokens, boolean complete, boolean done, Map<String, Long> modes) {
        this(stage, itemsIn, itemsOut, dropped, llmCalls, promptTokens, completionTokens, complete, done, modes, 0, 0,
                0);
    }

    public static StageTotals empty(Stage stage) {
        return new StageTotals(stage, 0, 0, Map.of(), 0, 0, 0, false, false, Map.of());
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    StageTotals plus(StageProgress d) {
        return new StageTotals(stage, itemsIn + d.itemsIn(), itemsOut + d.itemsOut(), merge(dropped, d.dropped()),
                llmCalls + d.llmCalls(), promptTokens + d.promptTokens(), completionTokens + d.completionTokens(),
                complete || d.complete(), false, merge(modes, d.modes()), costMicroUsd + d.costMicroUsd(),
                savedMicroUsd + d.savedMicroUsd(), unknownPriceCalls + d.unknownPriceCalls());
    }

    StageTotals withDone(boolean isDone) {
        return new StageTotals(stage, itemsIn, itemsOut, dropped, llmCalls, promptTokens, completionTokens,
                complete, isDone, modes, costMicroUsd, savedMicroUsd, unknownPriceCalls);
    }

    private static Map<String, Long> merge(Map<String, Long> sum, Map<String, Long> more) {
        Map<String, Long> m = new TreeMap<>(sum);
        if (more != null) {
            more.forEach((k, v) -> m.merge(k, v, Long::sum));
        }
        return m;
    }
}
