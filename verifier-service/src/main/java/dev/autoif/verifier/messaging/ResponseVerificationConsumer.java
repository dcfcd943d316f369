package dev.autoif.verifier.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import dev.autoif.verifier.domain.ResponseScorer;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code responses.sampled} -> every response through the sample's kept functions -> {@code responses.verified}
 * with per-function verdicts and pass rates (paper 3.3). One sample in, one out; rejection happens downstream.
 * Records run concurrently in worker pool {@code response-verification}.
 */
@ApplicationScoped
public class ResponseVerificationConsumer implements StepWork<ResponseSampled> {

    static final String NAME = "response-verification";

    private final ConsumerStep step;
    private final FunctionSandbox sandbox;
    private final VerifiedInstructions instructions;

    public ResponseVerificationConsumer(ConsumerStep step, FunctionSandbox sandbox,
            VerifiedInstructions instructions) {
        this.step = step;
        this.sandbox = sandbox;
        this.instructions = instructions;
    }

    @Incoming(Topics.RESPONSES_SAMPLED)
    @Blocking(value = NAME, ordered = false)
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MessageType input() {
        return MessageType.ResponseSampled;
    }

    @Override
    public ResponseSampled validate(Envelope<ResponseSampled> envelope) {
        ResponseSampled s = envelope.payload();
        if (s.sampleId() == null || s.runId() == null || s.instructionId() == null) {
            throw new InvalidMessageException("response sample without sampleId, runId or instructionId");
        }
        return s;
    }

    @Override
    public String runId(ResponseSampled s) {
        return s.runId();
    }

    @Override
    public StepOutcome cancelled(Envelope<ResponseSampled> in) {
        ResponseSampled s = in.payload();
        if (s.round() > 0) {
            return StepOutcome.none();
        }
        return StepOutcome.none().progress(messageId(in) + ":progress",
                Progress.delta(s.runId(), Stage.RESPONSE_VERIFICATION, 1, 0, Map.of("run-cancelled", 1L)));
    }

    @Override
    public StepOutcome process(Envelope<ResponseSampled> in, RunSpec spec) {
        ResponseSampled s = in.payload();
        // an online DPO round's sample names its instruction; its kept functions are the ones stored here
        List<FunctionRef> functions = s.round() > 0 ? instructions.keptFunctionRefs(s.instructionId())
                : s.functions() == null ? List.of() : s.functions();
        List<String> responses = s.responses() == null ? List.of()
                : s.responses().stream().map(r -> r == null ? "" : r).toList();
        List<String> codes = functions.stream().map(f -> f.code() == null ? "" : f.code()).toList();
        List<VerifiedResponse> scored = ResponseScorer.score(responses, sandbox.evaluate(codes, responses));
        ResponseVerified out = new ResponseVerified(s.sampleId(), s.runId(), s.instructionId(), s.instruction(),
                s.queryId(), s.query(), s.prompt(), functions, scored, s.attempt(), s.round(), s.policySpend());
        StepOutcome outcome = StepOutcome.none().send(Topics.RESPONSES_VERIFIED, s.instructionId(), messageId(in),
                s.runId(), MessageType.ResponseVerified, out);
        if (s.round() > 0) {
            return outcome; // a round is not a stage of the run's funnel: export tallies it
        }
        return outcome.progress(messageId(in) + ":progress",
                        Progress.delta(s.runId(), Stage.RESPONSE_VERIFICATION, 1, 1, Map.of()));
    }

    private static String messageId(Envelope<?> in) {
        return NAME + ":" + in.messageId();
    }
}
