package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.export.persistence.StageTotalsStore;
import dev.autoif.platform.progress.ProgressLedger;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every stage's progress deltas (export's own included) into the platform ledger, and, in the same transaction and
 * only for a delta the ledger had not seen, into this service's running totals the funnel is folded from.
 */
@ApplicationScoped
public class ProgressConsumer {

    private final ProgressLedger ledger;
    private final StageTotalsStore totals;

    public ProgressConsumer(ProgressLedger ledger, StageTotalsStore totals) {
        this.ledger = ledger;
        this.totals = totals;
    }

    @Incoming(Topics.RUNS_PROGRESS)
    @Blocking
    @Transactional
    public void consume(String json) {
        Envelope<StageProgress> envelope = EnvelopeCodec.decode(json, MessageType.StageProgress);
        StageProgress p = envelope.payload();
        if (p.runId() == null || p.runId().isBlank() || p.stage() == null) {
            throw new InvalidMessageException("progress delta without runId or stage");
        }
        if (p.itemsIn() < 0 || p.itemsOut() < 0 || p.llmCalls() < 0 || p.promptTokens() < 0
                || p.completionTokens() < 0
                || (p.dropped() != null && p.dropped().values().stream().anyMatch(v -> v == null || v < 0))) {
            throw new InvalidMessageException("progress delta with a negative or missing count");
        }
        // the ledger stores each message id once, so a redelivery changes nothing
        if (ledger.record(envelope)) {
            totals.add(p);
        }
    }
}
