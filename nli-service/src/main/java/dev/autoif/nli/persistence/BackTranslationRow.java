package dev.autoif.nli.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import dev.autoif.contracts.NliLabel;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One labelled back-translation of one function, with the outcome of its instruction. */
@Entity
@Table(name = "back_translation", indexes = @Index(name = "back_translation_run_instruction",
        columnList = "runId, instructionId, position"))
public class BackTranslationRow extends PanacheEntityBase {

    /** {@code instructionId#position}: a redelivered instruction writes the same rows. */
    @Id
    @Column(length = 300)
    public String id;

    @Column(nullable = false, length = 100)
    public String runId;

    @Column(nullable = false, length = 200)
    public String instructionId;

    @Column(nullable = false)
    public int position;

    @Column(length = 200)
    public String functionId;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String backTranslation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public NliLabel label;

    @Column(nullable = false)
    public double entailment;

    @Column(nullable = false)
    public double neutral;

    @Column(nullable = false)
    public double contradiction;

    /** {@code accepted} or the instruction's drop reason. */
    @Column(nullable = false, length = 100)
    public String outcome;

    @Column(nullable = false, length = 20)
    public String mode;
}
