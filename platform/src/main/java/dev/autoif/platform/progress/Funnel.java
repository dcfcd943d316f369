package dev.autoif.platform.progress;

import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a run's progress deltas into per-stage totals. A stage is done when it said it is complete, or when its
 * upstream stage is done and it has taken in everything that stage emitted ({@link Stage#emitted}: the judge sends
 * its dropped judgements on too). The run is done when the last stage is.
 * Plain Java: the instruction service (run status) and the export service (funnel) both read runs.progress and fold
 * it the same way.
 */
public final class Funnel {

    private final Map<Stage, StageTotals> stages;

    private Funnel(Map<Stage, StageTotals> stages) {
        this.stages = stages;
    }

    /** Deltas must already be de-duplicated by message id. */
    public static Funnel of(Collection<StageProgress> deltas) {
        Map<Stage, StageTotals> sums = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            sums.put(s, StageTotals.empty(s));
        }
        for (StageProgress d : deltas) {
            sums.computeIfPresent(d.stage(), (s, t) -> t.plus(d));
        }
        StageTotals upstream = null;
        for (Stage s : Stage.values()) {
            StageTotals t = sums.get(s);
            boolean done = t.complete() || (upstream != null && upstream.done()
                    && t.itemsIn() >= upstream.stage().emitted(upstream.itemsIn(), upstream.itemsOut()));
            t = t.withDone(done);
            sums.put(s, t);
            upstream = t;
        }
        return new Funnel(sums);
    }

    public StageTotals stage(Stage stage) {
        return stages.get(stage);
    }

    public List<StageTotals> stages() {
        return List.copyOf(stages.values());
    }

    /** Done when every stage, the last included, has processed everything its upstream emitted. */
    public boolean done() {
        return stages.get(Stage.values()[Stage.values().length - 1]).done();
    }

    public long llmCalls() {
        return stages.values().stream().mapToLong(StageTotals::llmCalls).sum();
    }

    public long tokens() {
        return stages.values().stream().mapToLong(t -> t.promptTokens() + t.completionTokens()).sum();
    }

    /** The run's LLM spend so far, in millionths of a dollar (calls of unknown price not included). */
    public long costMicroUsd() {
        return stages.values().stream().mapToLong(StageTotals::costMicroUsd).sum();
    }

    public long savedMicroUsd() {
        return stages.values().stream().mapToLong(StageTotals::savedMicroUsd).sum();
    }

    public long unknownPriceCalls() {
        return stages.values().stream().mapToLong(StageTotals::unknownPriceCalls).sum();
    }
}
