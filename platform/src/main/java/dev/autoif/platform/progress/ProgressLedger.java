package dev.autoif.platform.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.StageProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Stores progress deltas (each message id once) and folds them into a {@link Funnel}. Services that show progress
 * consume runs.progress and call {@link #record}.
 */
@ApplicationScoped
public class ProgressLedger {

    /** Returns false when this delta was already recorded. */
    @Transactional
    public boolean record(Envelope<StageProgress> envelope) {
        if (ProgressEntry.findById(envelope.messageId()) != null) {
            return false;
        }
        ProgressEntry e = new ProgressEntry();
        e.messageId = envelope.messageId();
        e.runId = envelope.payload().runId();
        try {
            e.deltaJson = EnvelopeCodec.mapper().writeValueAsString(envelope.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot store progress delta " + envelope.messageId(), ex);
        }
        e.persist();
        return true;
    }

    @Transactional
    public Funnel funnel(String runId) {
        List<ProgressEntry> entries = ProgressEntry.list("runId", runId);
        return Funnel.of(entries.stream().map(ProgressLedger::read).toList());
    }

    private static StageProgress read(ProgressEntry e) {
        try {
            return EnvelopeCodec.mapper().readValue(e.deltaJson, StageProgress.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored progress delta " + e.messageId + " is unreadable", ex);
        }
    }
}
