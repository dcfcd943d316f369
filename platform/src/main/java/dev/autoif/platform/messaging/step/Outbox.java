package dev.autoif.platform.messaging.step;

import dev.autoif.contracts.EnvelopeCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes outgoing records as {@link OutboxRecord} rows inside the caller's transaction, so a state change and the
 * records announcing it commit together; {@link #relay} hands them to the relay once that transaction committed.
 * The consumer step uses it for every consumed record; a REST write that must announce itself (query-service's
 * corpora) uses it the same way.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRelay relay;

    public Outbox(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Inside a transaction: one row per record, flushed, so a failure fails this call and not the commit. */
    public List<OutboxRelay.Pending> write(List<StepOutcome.Outgoing> records) {
        Instant now = Instant.now();
        List<OutboxRecord> rows = new ArrayList<>();
        for (StepOutcome.Outgoing o : records) {
            OutboxRecord r = new OutboxRecord();
            r.topic = o.topic();
            r.key = o.key();
            r.messageId = o.envelope().messageId();
            r.payload = EnvelopeCodec.encode(o.envelope());
            r.createdAt = now;
            r.persist();
            rows.add(r);
        }
        OutboxRecord.flush();
        return rows.stream().map(OutboxRelay.Pending::of).toList();
    }

    /** After the commit: the rows go to the broker now (the sweep would send them later otherwise). */
    public void relay(List<OutboxRelay.Pending> committed) {
        relay.relay(committed);
    }
}
