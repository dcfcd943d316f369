package dev.autoif.verifier.persistence;

import dev.autoif.verifier.domain.CrossValidationReport;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Cross-validation's report on one instruction, kept or dropped: each function's verdict per case and its fate. */
@Entity
@Table(name = "cross_validation_result", indexes = @Index(name = "cross_validation_result_run",
        columnList = "runId"))
public class CrossValidationResult extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String instructionId;

    @Column(length = 100, nullable = false)
    public String runId;

    /** {@code kept} or the instruction's drop reason. */
    @Column(length = 100, nullable = false)
    public String outcome;

    /** Stored as JSON (jsonb on PostgreSQL, json on H2), mapped by Hibernate. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CrossValidationReport report;

    @Column(nullable = false)
    public Instant checkedAt;
}
