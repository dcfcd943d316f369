package dev.autoif.judge.persistence;

import dev.autoif.contracts.JudgeStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One judged response. Keyed by run and response, so a response that arrives again (redelivered or re-published
 * under another message id) is found here and never sent to the judge, nor billed, twice.
 */
@Entity
@Table(name = "judgement")
public class StoredJudgement extends PanacheEntityBase {

    @Id
    @Column(length = 400)
    public String id;

    @Column(nullable = false, length = 100)
    public String runId;

    @Column(nullable = false, length = 300)
    public String responseId;

    @Column(nullable = false, length = 300)
    public String instructionId;

    /** Null when unscored. */
    public Double score;

    @Column(nullable = false, length = 16_000)
    public String analysis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public JudgeStatus status;

    public boolean kept;

    @Column(length = 40)
    public String dropReason;

    public int samples;

    public int scoredSamples;

    /** The responses.accepted message that caused it. */
    @Column(nullable = false, length = 300)
    public String sourceMessageId;

    @Column(nullable = false)
    public Instant judgedAt;

    public static String key(String runId, String responseId) {
        return runId + "|" + responseId;
    }

    public static Optional<StoredJudgement> find(String runId, String responseId) {
        return findByIdOptional(key(runId, responseId));
    }
}
