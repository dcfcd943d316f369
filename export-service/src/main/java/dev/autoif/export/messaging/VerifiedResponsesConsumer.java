package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.VerifiedResponseRow;
import dev.autoif.platform.messaging.Idempotency;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every verified response with its pass rate, passing or not: query-level preference pairs need the failures
 * too. A sample seen before (same run, sample id and attempt) is not stored again.
 */
@ApplicationScoped
public class VerifiedResponsesConsumer {

    static final String CONSUMER = "export-responses-verified";

    private final Idempotency idempotency;

    public VerifiedResponsesConsumer(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Incoming(Topics.RESPONSES_VERIFIED)
    @Blocking
    @Transactional
    public void consume(String json) {
        Envelope<ResponseVerified> envelope = EnvelopeCodec.decode(json, MessageType.ResponseVerified);
        ResponseVerified v = RecordChecks.verified(envelope);
        if (!idempotency.firstDelivery(CONSUMER, envelope.messageId())
                || VerifiedResponseRow.count("runId = ?1 and sampleId = ?2 and attempt = ?3", v.runId(),
                        v.sampleId(), v.attempt()) > 0) {
            return;
        }
        for (VerifiedResponse r : v.responses()) {
            VerifiedResponseRow row = new VerifiedResponseRow();
            row.runId = v.runId();
            row.sampleId = v.sampleId();
            row.attempt = v.attempt();
            row.responseIndex = r.index();
            row.instructionId = v.instructionId();
            row.queryId = v.queryId();
            row.prompt = v.prompt();
            row.response = r.text();
            row.passRate = r.passRate();
            row.persist();
        }
    }
}
