package dev.autoif.instruction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The lease of a run: which replica works on it and until when. One row per run being worked on; the owner deletes it
 * when it stops. Only {@link RunLeases} writes it, always with a conditional statement.
 */
@Entity
@Table(name = "run_lease")
public class RunLeaseEntity extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String runId;

    /** The owning replica's id (host name and a random part, fresh for every process). */
    @Column(nullable = false, length = 200)
    public String owner;

    /** In the database's clock: replicas never compare their own clocks with each other's. */
    @Column(nullable = false)
    public Instant expiresAt;

    /** Grows with every change of the row; replacing a lease names the version it read. */
    @Column(nullable = false)
    public long version;
}
