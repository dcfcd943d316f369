package dev.autoif.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * An instruction-level preference pair from cross-validation: a case every function accepted (chosen) and one no
 * function accepted (rejected), for the instruction as prompt. One row per run, instruction and pair index.
 */
@Entity
@Table(name = "export_case_pair",
        uniqueConstraints = @UniqueConstraint(name = "export_case_pair_key",
                columnNames = {"runId", "instructionId", "pairIndex"}),
        indexes = @Index(name = "export_case_pair_order", columnList = "runId, instructionId, pairIndex"))
public class CasePairRow extends PanacheEntity {

    @Column(length = 100, nullable = false)
    public String runId;

    @Column(length = 200, nullable = false)
    public String instructionId;

    public int pairIndex;

    @Column(length = Texts.MAX, nullable = false)
    public String instruction;

    @Column(length = Texts.MAX, nullable = false)
    public String chosen;

    @Column(length = Texts.MAX, nullable = false)
    public String rejected;
}
