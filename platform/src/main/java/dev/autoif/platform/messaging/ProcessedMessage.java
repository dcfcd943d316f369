package dev.autoif.platform.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One consumed message per consumer, written in the same transaction as the consumer's own writes. */
@Entity
@Table(name = "processed_message")
public class ProcessedMessage extends PanacheEntityBase {

    @Id
    @Column(length = 400)
    public String id;

    @Column(nullable = false)
    public Instant processedAt;

    static String key(String consumer, String messageId) {
        return consumer + "|" + messageId;
    }
}
