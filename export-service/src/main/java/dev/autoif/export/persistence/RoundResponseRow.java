package dev.autoif.export.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One response an online DPO round's policy gave, with its pass rate: the material of the round's pairs. */
@Entity
@Table(name = "export_round_response",
        uniqueConstraints = @UniqueConstraint(name = "export_round_response_key",
                columnNames = {"runId", "round", "sampleId", "responseIndex"}),
        indexes = @Index(name = "export_round_response_order",
                columnList = "runId, round, instructionId, queryId, sampleId, responseIndex"))
public class RoundResponseRow extends SampledResponseRow {

    public int round;

    /** One response of a verified sample of an online DPO round, as stored. */
    static RoundResponseRow of(dev.autoif.contracts.ResponseVerified v, dev.autoif.contracts.VerifiedResponse r) {
        RoundResponseRow row = new RoundResponseRow();
        row.fill(v, r);
        row.round = v.round();
        return row;
    }
}
