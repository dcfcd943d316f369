package dev.autoif.verifier.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

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

    /** JSON array of the kept functions ({@code ScoredFunction}), in cross-validation order. */
    @Lob
    @Column(nullable = false)
    public String functionsJson;

    @Column(nullable = false)
    public Instant verifiedAt;
}
