package dev.autoif.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One sampled response with its pass rate over the instruction's functions, passing or not: the material of
 * query-level preference pairs. One row per run, sample, attempt and response index.
 */
@Entity
@Table(name = "export_verified_response",
        uniqueConstraints = @UniqueConstraint(name = "export_verified_response_key",
                columnNames = {"runId", "sampleId", "attempt", "responseIndex"}),
        indexes = @Index(name = "export_verified_response_order",
                columnList = "runId, instructionId, queryId, sampleId, attempt, responseIndex"))
public class VerifiedResponseRow extends PanacheEntity {

    @Column(length = 100, nullable = false)
    public String runId;

    @Column(length = 200, nullable = false)
    public String sampleId;

    public int attempt;

    public int responseIndex;

    @Column(length = 200, nullable = false)
    public String instructionId;

    @Column(length = 200, nullable = false)
    public String queryId;

    /** The instruction and query texts the natural-form prompt is built from; null on rows stored without them. */
    @Column(length = Texts.MAX)
    public String instruction;

    @Column(length = Texts.MAX)
    public String query;

    @Column(length = Texts.MAX, nullable = false)
    public String prompt;

    @Column(length = Texts.MAX, nullable = false)
    public String response;

    public double passRate;
}
