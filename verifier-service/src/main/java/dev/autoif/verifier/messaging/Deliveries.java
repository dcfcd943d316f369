package dev.autoif.verifier.messaging;

import dev.autoif.platform.messaging.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The commit step of every consumer here: the idempotency marker, the consumer's writes and its sends in one
 * transaction, waiting for the broker's acks before committing. A failed send rolls the marker back, so the
 * redelivery does the work again, and its deterministic message ids let downstream drop the duplicate.
 */
@ApplicationScoped
public class Deliveries {

    private final Idempotency idempotency;

    public Deliveries(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Transactional
    public boolean seen(String consumer, String messageId) {
        return idempotency.seen(consumer, messageId);
    }

    /** Runs {@code work} once per message id; returns false when the message was already processed. */
    @Transactional
    public boolean commit(String consumer, String messageId, Supplier<CompletionStage<Void>> work) {
        if (!idempotency.firstDelivery(consumer, messageId)) {
            return false;
        }
        work.get().toCompletableFuture().join();
        return true;
    }
}
