package dev.autoif.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Drops redeliveries. Call {@link #firstDelivery} inside the consumer's transaction: the marker row commits or rolls
 * back together with the consumer's writes, so a crash before commit means the redelivery is processed again, and a
 * redelivery after commit changes nothing. Two replicas racing on the same message collide on the primary key and one
 * transaction fails and is retried, finding the marker.
 */
@ApplicationScoped
public class Idempotency {

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        String key = ProcessedMessage.key(consumer, messageId);
        if (ProcessedMessage.findById(key) != null) {
            return false;
        }
        ProcessedMessage m = new ProcessedMessage();
        m.id = key;
        m.processedAt = Instant.now();
        m.persist();
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seen(String consumer, String messageId) {
        return ProcessedMessage.findById(ProcessedMessage.key(consumer, messageId)) != null;
    }
}
