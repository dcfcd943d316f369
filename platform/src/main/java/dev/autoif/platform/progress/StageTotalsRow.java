package dev.autoif.platform.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import dev.autoif.platform.persistence.JsonTextJdbcType;
import java.util.Map;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Running sums of one stage's progress deltas for one run, added to in the transaction that records each new delta.
 * Folding a run's funnel reads one row per stage instead of every delta: a paper-size run records a delta per
 * judgement (over 100,000), and re-reading all of them on every status or export request took seconds and memory in
 * proportion to the run.
 */
@Entity
@Table(name = "stage_totals", indexes = @Index(name = "stage_totals_run", columnList = "runId"))
public class StageTotalsRow extends PanacheEntityBase {

    /** {@code runId/STAGE}. */
    @Id
    @Column(length = 200)
    public String id;

    @Column(length = 100, nullable = false)
    public String runId;

    @Column(length = 40, nullable = false)
    public String stage;

    public long itemsIn;

    public long itemsOut;

    public long llmCalls;

    public long promptTokens;

    public long completionTokens;

    public boolean complete;

    /** LLM spend in millionths of a dollar (calls of unknown price not included). */
    public long costMicroUsd;

    /** What the stage's cache hits would have cost. */
    public long savedMicroUsd;

    /** LLM calls whose model has no price. */
    public long unknownPriceCalls;

    /** Drops by reason, stored as a JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "droppedJson", nullable = false)
    public Map<String, Long> dropped;

    /** Items by mode, stored as a JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "modesJson", nullable = false)
    public Map<String, Long> modes;

    /** Two writers adding to the same row at once (replicas) fail and retry instead of losing a delta. */
    @Version
    public long version;

    static String key(String runId, String stage) {
        return runId + "/" + stage;
    }
}
