package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.export.persistence.AcceptedInstructionRow;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Remembers which instructions survived back-translation and NLI, so instruction-level preference pairs (stored at
 * cross-validation, before NLI decides) are exported only for them. The same instruction twice is stored once.
 */
@ApplicationScoped
public class AcceptedInstructionsConsumer implements StepWork<InstructionAccepted> {

    static final String CONSUMER = "export-instructions-accepted";

    private final ConsumerStep step;

    public AcceptedInstructionsConsumer(ConsumerStep step) {
        this.step = step;
    }

    @Incoming(Topics.INSTRUCTIONS_ACCEPTED)
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
        return MessageType.InstructionAccepted;
    }

    @Override
    public InstructionAccepted validate(Envelope<InstructionAccepted> in) {
        InstructionAccepted a = in.payload();
        if (a.runId() == null || a.runId().isBlank() || a.instructionId() == null || a.instructionId().isBlank()) {
            throw new InvalidMessageException("accepted instruction without runId or instructionId");
        }
        return a;
    }

    @Override
    public String runId(InstructionAccepted a) {
        return a.runId();
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
    public boolean alreadyApplied(InstructionAccepted a) {
        return AcceptedInstructionRow.findById(new AcceptedInstructionRow.Key(a.runId(), a.instructionId())) != null;
    }

    @Override
    public StepOutcome process(Envelope<InstructionAccepted> in, RunSpec spec) {
        InstructionAccepted a = in.payload();
        return StepOutcome.none().write(() -> {
            AcceptedInstructionRow row = new AcceptedInstructionRow();
            row.runId = a.runId();
            row.instructionId = a.instructionId();
            row.persist();
        });
    }
}
