package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.Existing;
import dev.autoif.export.persistence.RoundStore;
import dev.autoif.export.persistence.VerifiedResponseRow;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every verified response with its pass rate, passing or not: query-level preference pairs need the failures
 * too. A sample seen before (same run, sample id and attempt) is not stored again.
 */
@ApplicationScoped
public class VerifiedResponsesConsumer implements StepWork<ResponseVerified> {

    static final String CONSUMER = "export-responses-verified";

    private final ConsumerStep step;

    public VerifiedResponsesConsumer(ConsumerStep step) {
        this.step = step;
    }

    @Incoming(Topics.RESPONSES_VERIFIED)
    @Blocking(value = "export", ordered = false)
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public MessageType input() {
        return MessageType.ResponseVerified;
    }

    @Override
    public ResponseVerified validate(Envelope<ResponseVerified> in) {
        return RecordChecks.verified(in);
    }

    @Override
    public String runId(ResponseVerified v) {
        return v.runId();
    }

    @Override
    public boolean needsRunSpec() {
        return false;
    }

    /** Only stores what the record says: no separate look for a redelivery, commits grouped. */
    @Override
    public boolean storesOnly() {
        return true;
    }

    @Override
    public boolean alreadyApplied(ResponseVerified v) {
        if (v.round() > 0) {
            return RoundStore.holds(v);
        }
        return Existing.any(VerifiedResponseRow.class, "runId = ?1 and sampleId = ?2 and attempt = ?3", v.runId(),
                v.sampleId(), v.attempt());
    }

    @Override
    public StepOutcome process(Envelope<ResponseVerified> in, RunSpec spec) {
        ResponseVerified v = in.payload();
        if (v.round() > 0) {
            // an online DPO round's sample: the round's own rows, never the run's
            return StepOutcome.none().write(() -> RoundStore.store(v));
        }
        return StepOutcome.none().write(() -> v.responses().forEach(r -> VerifiedResponseRow.of(v, r).persist()));
    }
}
