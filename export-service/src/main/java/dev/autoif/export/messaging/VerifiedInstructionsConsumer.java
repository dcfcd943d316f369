package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PreferencePair;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.CasePairRow;
import dev.autoif.export.persistence.Existing;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores an instruction's cross-validation case pairs (instruction-level preference data), each distinct pair once.
 * An instruction seen before (same run and instruction id) is not stored again.
 */
@ApplicationScoped
public class VerifiedInstructionsConsumer implements StepWork<InstructionVerified> {

    static final String CONSUMER = "export-instructions-verified";

    private final ConsumerStep step;

    public VerifiedInstructionsConsumer(ConsumerStep step) {
        this.step = step;
    }

    @Incoming(Topics.INSTRUCTIONS_VERIFIED)
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
        return MessageType.InstructionVerified;
    }

    @Override
    public InstructionVerified validate(Envelope<InstructionVerified> in) {
        return RecordChecks.instruction(in);
    }

    @Override
    public String runId(InstructionVerified i) {
        return i.runId();
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
    public boolean alreadyApplied(InstructionVerified i) {
        return Existing.any(CasePairRow.class, "runId = ?1 and instructionId = ?2", i.runId(), i.instructionId());
    }

    @Override
    public StepOutcome process(Envelope<InstructionVerified> in, RunSpec spec) {
        InstructionVerified i = in.payload();
        return StepOutcome.none().write(() -> {
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
        });
    }
}
