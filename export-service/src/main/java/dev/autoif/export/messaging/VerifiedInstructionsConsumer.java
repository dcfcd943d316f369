package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PreferencePair;
import dev.autoif.contracts.Topics;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.CasePairRow;
import dev.autoif.platform.messaging.Idempotency;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores an instruction's cross-validation case pairs (instruction-level preference data), each distinct pair once.
 * An instruction seen before (same run and instruction id) is not stored again.
 */
@ApplicationScoped
public class VerifiedInstructionsConsumer {

    static final String CONSUMER = "export-instructions-verified";

    private final Idempotency idempotency;

    public VerifiedInstructionsConsumer(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Incoming(Topics.INSTRUCTIONS_VERIFIED)
    @Blocking
    @Transactional
    public void consume(String json) {
        Envelope<InstructionVerified> envelope = EnvelopeCodec.decode(json, MessageType.InstructionVerified);
        InstructionVerified i = RecordChecks.instruction(envelope);
        if (!idempotency.firstDelivery(CONSUMER, envelope.messageId())
                || CasePairRow.count("runId = ?1 and instructionId = ?2", i.runId(), i.instructionId()) > 0) {
            return;
        }
        Set<PreferencePair> distinct = new LinkedHashSet<>(i.casePairs() == null ? List.of() : i.casePairs());
        int index = 0;
        for (PreferencePair p : distinct) {
            if (p.chosen().equals(p.rejected())) {
                continue; // not a preference
            }
            CasePairRow row = new CasePairRow();
            row.runId = i.runId();
            row.instructionId = i.instructionId();
            row.pairIndex = index++;
            row.instruction = i.text();
            row.chosen = p.chosen();
            row.rejected = p.rejected();
            row.persist();
        }
    }
}
