package dev.autoif.nli.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.nli.domain.BackTranslationFilter;
import dev.autoif.nli.domain.Outcome;
import dev.autoif.nli.persistence.BackTranslations;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * instructions.verified -> back-translation + NLI -> instructions.accepted. Records are handled concurrently
 * (worker pool {@code nli}), so the ONNX judge can batch the pairs of several instructions together. The LLM and
 * NLI work runs outside any transaction; the platform {@link ConsumerStep} commits the marker and the outputs,
 * with every labelled back-translation (kept or dropped instruction) for {@code GET /runs/{id}/back-translations}.
 */
@ApplicationScoped
public class VerifiedInstructionConsumer implements StepWork<InstructionVerified> {

    static final String CONSUMER = "nli-service.instructions-verified";

    /** The outcome stored with an accepted instruction's back-translations. */
    static final String ACCEPTED = "accepted";

    private final ConsumerStep step;
    private final BackTranslationFilter filter;
    private final BackTranslations store;

    public VerifiedInstructionConsumer(ConsumerStep step, BackTranslationFilter filter, BackTranslations store) {
        this.step = step;
        this.filter = filter;
        this.store = store;
    }

    @Incoming(Topics.INSTRUCTIONS_VERIFIED)
    @Blocking(value = "nli", ordered = false)
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

    /** It spends on the LLM: a run paused by its budget holds its records here until resumed. */
    @Override
    public boolean pausesOnBudget() {
        return true;
    }

    @Override
    public String runId(InstructionVerified in) {
        return in.runId();
    }

    @Override
    public StepOutcome process(Envelope<InstructionVerified> envelope, RunSpec spec) {
        InstructionVerified in = envelope.payload();
        Outcome o = filter.filter(in, spec.parameters());
        String messageId = envelope.messageId();
        StepOutcome out = StepOutcome.none().write(() -> store.save(in.runId(), in.instructionId(), o.judgements(),
                o.accepted() ? ACCEPTED : o.dropReason(), o.mode()));
        if (o.accepted()) {
            out.send(Topics.INSTRUCTIONS_ACCEPTED, in.instructionId(), "nli:" + messageId, in.runId(),
                    MessageType.InstructionAccepted, new InstructionAccepted(in.instructionId(), in.runId(),
                            in.text(), in.origin(), in.functions(), o.judgements(), o.mode()));
        }
        StageProgress delta = new StageProgress(in.runId(), Stage.BACK_TRANSLATION, 1, o.accepted() ? 1 : 0,
                o.accepted() ? Map.of() : Map.of(o.dropReason(), 1L), o.cost().calls(), o.cost().promptTokens(),
                o.cost().completionTokens(), false, Map.of(o.mode(), 1L))
                .withCost(o.cost().costMicroUsd(), o.cost().savedMicroUsd(), o.cost().unknownPriceCalls());
        return out.progress("nli-progress:" + messageId, delta);
    }

    @Override
    public InstructionVerified validate(Envelope<InstructionVerified> envelope) {
        InstructionVerified in = envelope.payload();
        if (in.instructionId() == null || in.instructionId().isBlank()) {
            throw new InvalidMessageException("instruction without instructionId");
        }
        if (in.runId() == null || in.runId().isBlank()) {
            throw new InvalidMessageException("instruction " + in.instructionId() + " without runId");
        }
        if (in.text() == null || in.text().isBlank()) {
            throw new InvalidMessageException("instruction " + in.instructionId() + " has no text");
        }
        if (in.functions() != null && in.functions().stream().anyMatch(f -> f == null || f.functionId() == null
                || f.code() == null || f.code().isBlank())) {
            throw new InvalidMessageException("instruction " + in.instructionId() + " has a function without id or "
                    + "code");
        }
        return in;
    }
}
