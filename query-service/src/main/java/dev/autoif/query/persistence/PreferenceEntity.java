package dev.autoif.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * Query-level preference candidates of one verified sample: kept only when the sample has both a chosen (pass rate
 * &gt; 0.5) and a rejected (pass rate 0) response, so the table stays small.
 */
@Entity
@Table(name = "preference_candidate", indexes = @Index(name = "ix_preference_run", columnList = "runId"))
public class PreferenceEntity extends PanacheEntityBase {

    @Id
    @Column(length = 400)
    public String sampleId;

    @Column(nullable = false, length = 100)
    public String runId;

    @Column(nullable = false, length = 200)
    public String instructionId;

    @Column(nullable = false, length = 100)
    public String queryId;

    @Column(nullable = false, length = 200000)
    public String prompt;

    /** JSON list of {index, text, passRate}. */
    @Column(nullable = false, length = 2000000)
    public String chosenJson;

    @Column(nullable = false, length = 2000000)
    public String rejectedJson;
}
