package dev.autoif.platform.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.autoif.contracts.RunSpec;
import dev.autoif.platform.persistence.JsonTextJdbcType;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/** The latest {@code RunSpec} of a run as this service saw it on the runs topic. */
@Entity
@Table(name = "known_run")
public class KnownRun extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String runId;

    // JSON in a text column, not @Lob: on PostgreSQL a @Lob String is a large object per row, slow to read and never
    // vacuumed
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "specJson", nullable = false)
    public RunSpec spec;

    public boolean cancelled;

    @Column(nullable = false)
    public Instant updatedAt;
}
