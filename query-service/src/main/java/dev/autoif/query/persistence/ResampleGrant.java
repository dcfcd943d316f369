package dev.autoif.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The budget decision for one sample with no passing response, remembered so that a redelivery of the same
 * verified sample gets the same answer and never spends the budget twice.
 */
@Entity
@Table(name = "resample_grant")
public class ResampleGrant extends PanacheEntityBase {

    @Id
    @Column(length = 400)
    public String sampleId;

    @Column(nullable = false, length = 100)
    public String runId;

    public boolean granted;

    @Column(nullable = false)
    public Instant decidedAt;
}
