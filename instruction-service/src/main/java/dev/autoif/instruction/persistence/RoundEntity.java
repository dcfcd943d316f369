package dev.autoif.instruction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import dev.autoif.platform.persistence.RunRoundKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** An online DPO round requested for a run: its number, policy endpoint and sampling settings. */
@Entity
@Table(name = "instruction_round")
@IdClass(RunRoundKey.class)
public class RoundEntity extends PanacheEntityBase {

    @Id
    @Column(length = 100, nullable = false)
    public String runId;

    @Id
    public int round;

    @Column(length = 500, nullable = false)
    public String baseUrl;

    @Column(length = 200, nullable = false)
    public String model;

    /** The name of the variable holding the key, never the key. */
    @Column(length = 100, nullable = false)
    public String apiKeyEnv;

    public int k;

    public double temperature;

    /** Null: every kept SFT prompt. */
    public Integer prompts;

    @Column(length = 20, nullable = false)
    public String promptForm;

    public long seed;

    @Column(nullable = false)
    public Instant requestedAt;
}
