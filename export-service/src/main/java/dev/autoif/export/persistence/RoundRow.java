package dev.autoif.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import dev.autoif.platform.persistence.RunRoundKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An online DPO round of a run: its policy, how many prompts it sent to query-service and how many came back
 * verified. The round is done when every prompt came back.
 */
@Entity
@Table(name = "export_round")
@IdClass(RunRoundKey.class)
public class RoundRow extends PanacheEntityBase {

    @Id
    @Column(length = 100, nullable = false)
    public String runId;

    @Id
    public int round;

    @Column(length = 500, nullable = false)
    public String baseUrl;

    @Column(length = 200, nullable = false)
    public String model;

    public int k;

    public double temperature;

    @Column(length = 20, nullable = false)
    public String promptForm;

    /** Prompts sent to be sampled. */
    public int prompts;

    /** Prompts whose samples came back verified (with or without responses). */
    public int promptsVerified;

    /** Responses verified. */
    public int responses;

    @Column(nullable = false)
    public Instant requestedAt;

    /** The policy's requests for the round's prompts so far, with their tokens and dollars (see {@link dev.autoif.contracts.LlmSpend}). */
    public long llmCalls;

    public long promptTokens;

    public long completionTokens;

    public long cacheHits;

    public long costMicroUsd;

    public long savedMicroUsd;

    public long unknownPriceCalls;
}
