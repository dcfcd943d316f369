package dev.autoif.platform.messaging.step;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A record committed by a consumer and not yet acknowledged by the broker. Written in the consumer's transaction,
 * deleted by {@link OutboxRelay} once the broker has it; a row left behind by a crash is sent by the next sweep.
 */
@Entity
@Table(name = "outbox_record", indexes = @Index(name = "outbox_record_created", columnList = "createdAt"))
public class OutboxRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_record_seq")
    @SequenceGenerator(name = "outbox_record_seq", sequenceName = "outbox_record_seq", allocationSize = 50)
    public Long id;

    @Column(length = 200, nullable = false)
    public String topic;

    @Column(name = "record_key", length = 400, nullable = false)
    public String key;

    @Column(length = 400, nullable = false)
    public String messageId;

    // text, not @Lob: on PostgreSQL a @Lob String is a large object per row, slow to read and never vacuumed
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public Instant createdAt;
}
