package dev.autoif.platform.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.persistence.JsonTextJdbcType;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One progress delta as an earlier release stored it (keyed by its message id). Read only: a run recorded before
 * running totals existed is folded from these ({@link ProgressLedger}); new deltas go to the totals alone.
 */
@Entity
@Table(name = "progress_entry", indexes = @Index(name = "progress_entry_run", columnList = "runId"))
public class ProgressEntry extends PanacheEntityBase {

    @Id
    @Column(length = 400)
    public String messageId;

    @Column(length = 100, nullable = false)
    public String runId;

    // JSON in a text column, not @Lob: on PostgreSQL a @Lob String is a large object per row, slow to read and never
    // vacuumed
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonTextJdbcType.class)
    @Column(name = "deltaJson", nullable = false)
    public StageProgress delta;
}
