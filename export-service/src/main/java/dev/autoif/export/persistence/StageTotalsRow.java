package dev.autoif.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * Running sums of one stage's progress deltas for one run, added to as each new delta is recorded in the platform
 * ledger. Folding a run's funnel then reads one row per stage instead of every delta: a large run records a delta
 * per judgement, and re-reading all of them on every export request took seconds and memory in proportion to the run.
 */
@Entity
@Table(name = "export_stage_totals",
        uniqueConstraints = @UniqueConstraint(name = "export_stage_totals_key", columnNames = {"runId", "stage"}))
public class StageTotalsRow extends PanacheEntity {

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

    /** Drops by reason as a JSON object. */
    @Column(length = 20_000, nullable = false)
    public String droppedJson;

    /** Two writers adding to the same row concurrently fail instead of losing a delta. */
    @Version
    public long version;
}
