package dev.autoif.instruction.persistence;

import dev.autoif.instruction.domain.RunState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.persistence.JsonTextJdbcType;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/** A submitted run: its spec as published on the runs topic and how far this service got with it. */
@Entity
@Table(name = "run_record", indexes = @Index(name = "run_record_created", columnList = "createdAt"))
public class RunEntity extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String runId;

    @Column(nullable = false, length = 200)
    public String name;

    /** The RunSpec, cancelled flag included, as JSON text. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "specJson", nullable = false)
    public RunSpec spec;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RunState state;

    /** Why the run failed; a sentence for the client, never a stack trace or a secret. */
    @Column(length = 1000)
    public String error;

    /** The self-instruct progress delta, kept so a resumed run re-publishes the same one. Null until done. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "selfInstructProgressJson")
    public StageProgress selfInstructProgress;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
