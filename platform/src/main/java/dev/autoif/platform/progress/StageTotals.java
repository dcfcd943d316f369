package dev.autoif.platform.progress;

import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import java.util.Map;
import java.util.TreeMap;

/** The sum of a stage's progress deltas for one run, whether the stage is done, and its items by mode. */
public record StageTotals(Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped, long llmCalls,
        long promptTokens, long completionTokens, boolean complete, boolean done, Map<String, Long> modes) {

    public static StageTotals empty(Stage stage) {
        return new StageTotals(stage, 0, 0, Map.of(), 0, 0, 0, false, false, Map.of());
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    StageTotals plus(StageProgress d) {
        return new StageTotals(stage, itemsIn + d.itemsIn(), itemsOut + d.itemsOut(), merge(dropped, d.dropped()),
                llmCalls + d.llmCalls(), promptTokens + d.promptTokens(), completionTokens + d.completionTokens(),
                complete || d.complete(), false, merge(modes, d.modes()));
    }

    StageTotals withDone(boolean isDone) {
        return new StageTotals(stage, itemsIn, itemsOut, dropped, llmCalls, promptTokens, completionTokens,
                complete, isDone, modes);
    }

    private static Map<String, Long> merge(Map<String, Long> sum, Map<String, Long> more) {
        Map<String, Long> m = new TreeMap<>(sum);
        if (more != null) {
            more.forEach((k, v) -> m.merge(k, v, Long::sum));
        }
        return m;
    }
}
