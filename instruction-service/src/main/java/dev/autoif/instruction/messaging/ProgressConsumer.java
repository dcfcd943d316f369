package dev.autoif.instruction.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.progress.ProgressLedger;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every stage's progress deltas into the ledger the run status is folded from. The ledger stores each message
 * id once, so redeliveries change nothing; unreadable records go to runs.progress.dlq.
 */
@ApplicationScoped
public class ProgressConsumer {

    private final ProgressLedger ledger;

    public ProgressConsumer(ProgressLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming(Topics.RUNS_PROGRESS)
    @Blocking
    public void consume(String json) {
        Envelope<StageProgress> envelope = EnvelopeCodec.decode(json, MessageType.StageProgress);
        StageProgress delta = envelope.payload();
        if (delta == null || delta.runId() == null || delta.runId().isBlank() || delta.stage() == null) {
            throw new InvalidMessageException("progress delta without runId or stage");
        }
        ledger.record(envelope);
    }
}
