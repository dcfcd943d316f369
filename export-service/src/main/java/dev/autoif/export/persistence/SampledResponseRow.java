package dev.autoif.export.persistence;

import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.export.domain.VerifiedSample;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns of one verified response with its pass rate and the texts its prompt is built from: the run's own
 * ({@link VerifiedResponseRow}) and an online DPO round's ({@link RoundResponseRow}).
 */
@MappedSuperclass
public abstract class SampledResponseRow extends PanacheEntity {

    @Column(length = 100, nullable = false)
    public String runId;

    @Column(length = 200, nullable = false)
    public String sampleId;

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

    /** Fills the columns from one response of a verified sample. */
    void fill(ResponseVerified v, VerifiedResponse r) {
        runId = v.runId();
        sampleId = v.sampleId();
        responseIndex = r.index();
        instructionId = v.instructionId();
        queryId = v.queryId();
        instruction = v.instruction();
        query = v.query();
        prompt = v.prompt();
        response = r.text();
        passRate = r.passRate();
    }

    VerifiedSample sample(int attempt) {
        return new VerifiedSample(instructionId, queryId, sampleId, attempt, responseIndex, instruction, query, prompt,
                response, passRate);
    }
}
