package dev.autoif.nli.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.nli.config.NliConfig;
import dev.autoif.nli.domain.BackTranslationFilter;
import dev.autoif.nli.domain.Outcome;
import dev.autoif.platform.messaging.RunSpecs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * instructions.verified -> back-translation + NLI -> instructions.accepted. Records are handled concurrently
 * (unordered), so the ONNX judge can batch the pairs of several instructions together. The LLM and NLI work runs
 * outside any transaction; {@link OutcomePublisher} records the message and sends the results in one.
 */
@ApplicationScoped
public class VerifiedInstructionConsumer {

    private static final Logger LOG = Logger.getLogger(VerifiedInstructionConsumer.class);

    private final BackTranslationFilter filter;
    private final RunSpecs runSpecs;
    private final OutcomePublisher publisher;
    private final NliConfig config;

    public VerifiedInstructionConsumer(BackTranslationFilter filter, RunSpecs runSpecs, OutcomePublisher publisher,
            NliConfig config) {
        this.filter = filter;
        this.runSpecs = runSpecs;
        this.publisher = publisher;
        this.config = config;
    }

    @Incoming(Topics.INSTRUCTIONS_VERIFIED)
    @Blocking(ordered = false)
    public void consume(String json) {
        Envelope<InstructionVerified> envelope = EnvelopeCodec.decode(json, MessageType.InstructionVerified);
        InstructionVerified in = check(envelope.payload());
        if (publisher.seen(envelope.messageId())) {
            return;
        }
        RunSpec spec = runSpecs.require(in.runId(), config.runSpecWait());
        if (spec.cancelled()) {
            LOG.debugf("run %s is cancelled: instruction %s not back-translated", in.runId(), in.instructionId());
            publisher.skip(envelope.messageId());
            return;
        }
        Outcome outcome = filter.filter(in, RunParameters.withDefaults(spec.parameters()));
        try {
            publisher.publish(envelope.messageId(), in, outcome);
        } catch (RuntimeException e) {
            if (publisher.seen(envelope.messageId())) {
                // a copy of this record processed at the same time won the marker and sent the results
                LOG.debugf("duplicate of %s dropped", envelope.messageId());
                return;
            }
            throw e;
        }
    }

    private static InstructionVerified check(InstructionVerified in) {
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
