package dev.autoif.instruction.persistence;

import dev.autoif.contracts.InstructionOrigin;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One instruction of a run after self-instruct and de-duplication. {@code generated} is set once its candidate (or
 * its drop) was published, so a resumed run skips it.
 */
@Entity
@Table(name = "instruction", indexes = @Index(name = "instruction_run", columnList = "runId, ordinal"))
public class InstructionEntity extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String instructionId;

    @Column(nullable = false, length = 100)
    public String runId;

    /** Position in the run's instruction list: seeds first, then self-instruct order. */
    public int ordinal;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public InstructionOrigin origin;

    public boolean generated;

    public int answersRequested;

    public int answersUnparsable;

    public int functions;

    public int cases;

    /**
     * Cache keys (llm_completion.key_hash) of the raw function answers, comma separated, so the audit can find
     * exactly what the LLM said for this instruction.
     */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String answerKeys;
}
