package dev.autoif.export.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.progress.Funnel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@link StageTotalsRow} and folds a run's funnel from it. The platform {@link Funnel} sums deltas and ORs
 * their complete flags, so one summed delta per stage folds to the same funnel as all the deltas it sums.
 */
@ApplicationScoped
public class StageTotalsStore {

    private static final TypeReference<Map<String, Long>> DROPS = new TypeReference<>() {
    };

    /** Adds a delta the ledger just recorded for the first time; call in the ledger's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(StageProgress d) {
        StageTotalsRow row = StageTotalsRow.find("runId = ?1 and stage = ?2", d.runId(), d.stage().name())
                .firstResult();
        if (row == null) {
            row = new StageTotalsRow();
            row.runId = d.runId();
            row.stage = d.stage().name();
            row.droppedJson = "{}";
        }
        row.itemsIn += d.itemsIn();
        row.itemsOut += d.itemsOut();
        row.llmCalls += d.llmCalls();
        row.promptTokens += d.promptTokens();
        row.completionTokens += d.completionTokens();
        row.complete |= d.complete();
        Map<String, Long> drops = read(row.droppedJson);
        if (d.dropped() != null) {
            d.dropped().forEach((k, v) -> drops.merge(k, v, Long::sum));
        }
        row.droppedJson = write(drops);
        row.persist();
    }

    @Transactional
    public Funnel funnel(String runId) {
        List<StageTotalsRow> rows = StageTotalsRow.list("runId", runId);
        return Funnel.of(rows.stream().map(r -> new StageProgress(runId, Stage.valueOf(r.stage), r.itemsIn,
                r.itemsOut, read(r.droppedJson), r.llmCalls, r.promptTokens, r.completionTokens, r.complete))
                .toList());
    }

    private static Map<String, Long> read(String json) {
        try {
            return new TreeMap<>(EnvelopeCodec.mapper().readValue(json, DROPS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored drop counts are unreadable", e);
        }
    }

    private static String write(Map<String, Long> drops) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(drops);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
