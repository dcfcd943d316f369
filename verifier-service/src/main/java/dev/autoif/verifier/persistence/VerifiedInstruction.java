package dev.autoif.verifier.persistence;

import dev.autoif.contracts.ScoredFunction;
import dev.autoif.platform.persistence.JsonTextJdbcType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An instruction that survived cross-validation, with its kept functions, for {@code POST /verify}. */
@Entity
@Table(name = "verified_instruction")
public class VerifiedInstruction extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String instructionId;

    @Column(length = 100)
    public String runId;

    @Lob
    @Column(nullable = false)
    public String text;

    /** The kept functions, in cross-validation order, as JSON text (a large object before V2026.12.02.20). */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "functionsJson", nullable = false)
    public List<ScoredFunction> functions;

    @Column(nullable = false)
    public Instant verifiedAt;
}
