package dev.autoif.export.persistence;

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
public class VerifiedResponseRow extends SampledResponseRow {

    public int attempt;

    /** One response of a verified sample of the run, as stored. */
    public static VerifiedResponseRow of(dev.autoif.contracts.ResponseVerified v,
            dev.autoif.contracts.VerifiedResponse r) {
        VerifiedResponseRow row = new VerifiedResponseRow();
        row.fill(v, r);
        row.attempt = v.attempt();
        return row;
    }
}
