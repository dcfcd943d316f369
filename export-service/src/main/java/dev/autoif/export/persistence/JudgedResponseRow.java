package dev.autoif.export.persistence;

import dev.autoif.contracts.ResponseJudged;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Every judgement, kept or dropped, with its score and pass rate, so a re-export with other thresholds needs no LLM.
 * One row per run and response id; export order is (instruction, query, response).
 */
@Entity
@Table(name = "export_judged_response",
        uniqueConstraints = @UniqueConstraint(name = "export_judged_response_key", columnNames = {"runId", "responseId"}),
        indexes = @Index(name = "export_judged_response_order", columnList = "runId, instructionId, queryId, responseId"))
public class JudgedResponseRow extends PanacheEntity {

    @Column(length = 100, nullable = false)
    public String runId;

    @Column(length = 200, nullable = false)
    public String responseId;

    @Column(length = 200)
    public String sampleId;

    @Column(length = 200, nullable = false)
    public String instructionId;

    @Column(length = 200, nullable = false)
    public String queryId;

    @Column(length = Texts.MAX)
    public String instruction;

    @Column(length = Texts.MAX)
    public String query;

    @Column(length = Texts.MAX, nullable = false)
    public String prompt;

    @Column(length = Texts.MAX, nullable = false)
    public String response;

    public double passRate;

    /** Null when the judge could not score the response. */
    public Double score;

    @Column(length = Texts.MAX)
    public String analysis;

    @Column(length = 20, nullable = false)
    public String status;

    public boolean kept;

    /** A judgement as stored. */
    public static JudgedResponseRow of(ResponseJudged j) {
        JudgedResponseRow row = new JudgedResponseRow();
        row.runId = j.runId();
        row.responseId = j.responseId();
        row.sampleId = j.sampleId();
        row.instructionId = j.instructionId();
        row.queryId = j.queryId();
        row.instruction = j.instruction();
        row.query = j.query();
        row.prompt = j.prompt();
        row.response = j.response();
        row.passRate = j.passRate();
        row.score = j.score();
        row.analysis = j.analysis();
        row.status = j.status().name();
        row.kept = j.kept();
        return row;
    }
}
