package dev.autoif.platform.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores progress deltas (each message id once) and, in the same transaction, adds each new one to the run's
 * running totals per stage ({@link StageTotalsRow}); a run's {@link Funnel} is folded from those totals, one row per
 * stage, however many deltas the run recorded. {@link Funnel} sums deltas and ORs their complete flags, so one summed
 * delta per stage folds to the same funnel as all the deltas it sums. Services that show progress consume
 * runs.progress and call {@link #record}.
 */
@ApplicationScoped
public class ProgressLedger {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    /** Returns false when this delta was already recorded. */
    @Transactional
    public boolean record(Envelope<StageProgress> envelope) {
        if (ProgressEntry.findById(envelope.messageId()) != null) {
            return false;
        }
        StageProgress d = envelope.payload();
        ProgressEntry e = new ProgressEntry();
        e.messageId = envelope.messageId();
        e.runId = d.runId();
        e.deltaJson = write(d);
        StageTotalsRow row = StageTotalsRow.findById(StageTotalsRow.key(d.runId(), d.stage().name()));
        if (row == null && StageTotalsRow.count("runId", d.runId()) == 0
                && ProgressEntry.count("runId", d.runId()) > 0) {
            // deltas recorded before running totals existed (an upgraded database): sum them once, then go on
            rebuild(d.runId());
            row = StageTotalsRow.findById(StageTotalsRow.key(d.runId(), d.stage().name()));
        }
        e.persist();
        add(row, d);
        return true;
    }

    @Transactional
    public Funnel funnel(String runId) {
        List<StageTotalsRow> rows = StageTotalsRow.list("runId", runId);
        if (rows.isEmpty()) {
            // a read never writes: summing here raced with the consumer's first delta of a run (this transaction
            // saw no totals, then the delta's committed entry and row, and added the entry once more). A run with
            // deltas from before running totals existed is folded from them until its next delta sums them.
            return Funnel.of(ProgressEntry.<ProgressEntry>list("runId", runId).stream()
                    .map(ProgressLedger::readDelta).toList());
        }
        return Funnel.of(rows.stream().map(r -> new StageProgress(runId, Stage.valueOf(r.stage), r.itemsIn,
                r.itemsOut, read(r.droppedJson), r.llmCalls, r.promptTokens, r.completionTokens, r.complete,
                read(r.modesJson)).withCost(r.costMicroUsd, r.savedMicroUsd, r.unknownPriceCalls)).toList());
    }

    /** Whether any progress of the run was recorded here. */
    @Transactional
    public boolean holds(String runId) {
        return StageTotalsRow.count("runId", runId) > 0 || ProgressEntry.count("runId", runId) > 0;
    }

    private static void rebuild(String runId) {
        List<ProgressEntry> entries = ProgressEntry.list("runId", runId);
        for (ProgressEntry e : entries) {
            StageProgress d = readDelta(e);
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
            row.droppedJson = "{}";
            row.modesJson = "{}";
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
        row.droppedJson = write(plus(read(row.droppedJson), d.dropped()));
        row.modesJson = write(plus(read(row.modesJson), d.modes()));
        if (existing == null) {
            row.persist();
        }
    }

    private static Map<String, Long> plus(Map<String, Long> sum, Map<String, Long> more) {
        if (more != null) {
            more.forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return sum;
    }

    private static Map<String, Long> read(String json) {
        try {
            return new TreeMap<>(EnvelopeCodec.mapper().readValue(json, COUNTS));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored progress counts are unreadable", ex);
        }
    }

    private static StageProgress readDelta(ProgressEntry e) {
        try {
            return EnvelopeCodec.mapper().readValue(e.deltaJson, StageProgress.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored progress delta " + e.messageId + " is unreadable", ex);
        }
    }

    private static String write(Object value) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot store progress " + value, ex);
        }
    }
}
