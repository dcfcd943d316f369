package dev.autoif.platform.progress;

import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds progress deltas to their run's running totals per stage ({@link StageTotalsRow}); a run's {@link Funnel} is
 * folded from those totals, one row per stage, however many deltas the run had. {@link Funnel} sums deltas and ORs
 * their complete flags, so one summed delta per stage folds to the same funnel as all the deltas it sums. Services
 * that show progress consume runs.progress through {@link ProgressIntake}, whose consumer step drops a redelivered
 * delta by its marker, written in the transaction that adds it.
 *
 * <p>Deltas are not stored one by one any more: earlier releases kept a {@link ProgressEntry} per delta and per
 * consuming service (two rows per processed record at paper size, over a million, and a lookup and an insert per
 * delta, for a funnel that only needs the sums). Runs recorded before running totals existed still fold from their
 * stored deltas, and their next delta sums them once.
 */
@ApplicationScoped
public class ProgressLedger {

    /** Adds one delta to its run's totals. Once per delta: the caller drops redeliveries (the step's marker). */
    @Transactional
    public void add(StageProgress d) {
        StageTotalsRow row = StageTotalsRow.findById(StageTotalsRow.key(d.runId(), d.stage().name()));
        if (row == null && StageTotalsRow.count("runId", d.runId()) == 0
                && ProgressEntry.count("runId", d.runId()) > 0) {
            // deltas recorded before running totals existed (an upgraded database): sum them once, then go on
            rebuild(d.runId());
            row = StageTotalsRow.findById(StageTotalsRow.key(d.runId(), d.stage().name()));
        }
        add(row, d);
    }

    @Transactional
    public Funnel funnel(String runId) {
        List<StageTotalsRow> rows = StageTotalsRow.list("runId", runId);
        if (rows.isEmpty()) {
            // a read never writes: summing here raced with the consumer's first delta of a run (this transaction
            // saw no totals, then the delta's committed entry and row, and added the entry once more). A run with
            // deltas from before running totals existed is folded from them until its next delta sums them.
            return Funnel.of(ProgressEntry.<ProgressEntry>list("runId", runId).stream()
                    .map(e -> e.delta).toList());
        }
        return Funnel.of(rows.stream().map(r -> new StageProgress(runId, Stage.valueOf(r.stage), r.itemsIn,
                r.itemsOut, r.dropped, r.llmCalls, r.promptTokens, r.completionTokens, r.complete,
                r.modes).withCost(r.costMicroUsd, r.savedMicroUsd, r.unknownPriceCalls)).toList());
    }

    /** Whether any progress of the run was recorded here. */
    @Transactional
    public boolean holds(String runId) {
        return StageTotalsRow.count("runId", runId) > 0 || ProgressEntry.count("runId", runId) > 0;
    }

    private static void rebuild(String runId) {
        List<ProgressEntry> entries = ProgressEntry.list("runId", runId);
        for (ProgressEntry e : entries) {
            StageProgress d = e.delta;
            add(StageTotalsRow.findById(StageTotalsRow.key(runId, d.stage().name())), d);
        }
    }

    private static void add(StageTotalsRow existing, StageProgress d) {
        StageTotalsRow row = existing;
        if (row == null) {
            row = new StageTotalsRow();
            row.id = StageTotalsRow.key(d.runId(), d.stage().name());
            row.runId = d.runId();
            row.stage = d.stage().name();
            row.dropped = Map.of();
            row.modes = Map.of();
        }
        row.itemsIn += d.itemsIn();
        row.itemsOut += d.itemsOut();
        row.llmCalls += d.llmCalls();
        row.promptTokens += d.promptTokens();
        row.completionTokens += d.completionTokens();
        row.complete |= d.complete();
        row.costMicroUsd += d.costMicroUsd();
        row.savedMicroUsd += d.savedMicroUsd();
        row.unknownPriceCalls += d.unknownPriceCalls();
        row.dropped = plus(row.dropped, d.dropped());
        row.modes = plus(row.modes, d.modes());
        if (existing == null) {
            row.persist();
        }
    }

    /** A new sorted map: the stored one is never changed in place, so Hibernate sees the new value. */
    private static Map<String, Long> plus(Map<String, Long> stored, Map<String, Long> more) {
        Map<String, Long> sum = new TreeMap<>(stored);
        if (more != null) {
            more.forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return sum;
    }
}
