package dev.autoif.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How much of a run's resample budget is spent. */
@Entity
@Table(name = "run_resample_count")
public class RunResampleCount extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String runId;

    public int used;
}
