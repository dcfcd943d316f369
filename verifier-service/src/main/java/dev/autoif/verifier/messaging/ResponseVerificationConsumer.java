package dev.autoif.verifier.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.platform.messaging.KafkaMessages;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.verifier.domain.ResponseScorer;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code responses.sampled} -> every response through the sample's kept functions -> {@code responses.verified}
 * with per-function verdicts and pass rates (paper 3.3). One sample in, one out; rejection happens downstream.
 */
@ApplicationScoped
public class ResponseVerificationConsumer {

    static final String NAME = "response-verification";

    private final FunctionSandbox sandbox;
    private final RunSpecLookup runs;
    private final Deliveries deliveries;
    private final Emitter<String> verified;
    private final Emitter<String> progress;

    public ResponseVerificationConsumer(FunctionSandbox sandbox, RunSpecLookup runs, Deliveries deliveries,
            @Channel(Topics.RESPONSES_VERIFIED) Emitter<String> verified,
            @Channel(Topics.RUNS_PROGRESS) Emitter<String> progress) {
        this.sandbox = sandbox;
        this.runs = runs;
        this.deliveries = deliveries;
        this.verified = verified;
        this.progress = progress;
    }

    @Incoming(Topics.RESPONSES_SAMPLED)
    @Blocking
    public void consume(String json) {
        Envelope<ResponseSampled> envelope = EnvelopeCodec.decode(json, MessageType.ResponseSampled);
        ResponseSampled s = envelope.payload();
        if (s.sampleId() == null || s.runId() == null || s.instructionId() == null) {
            throw new InvalidMessageException("response sample without sampleId, runId or instructionId");
        }
        if (deliveries.seen(NAME, envelope.messageId())) {
            return;
        }
        RunSpec spec = runs.require(s.runId());
        String messageId = NAME + ":" + envelope.messageId();
        if (spec.cancelled()) {
            deliveries.commit(NAME, envelope.messageId(), () -> Progress.send(progress, messageId,
                    Progress.delta(s.runId(), Stage.RESPONSE_VERIFICATION, 1, 0, Map.of("run-cancelled", 1L))));
            return;
        }
        List<FunctionRef> functions = s.functions() == null ? List.of() : s.functions();
        List<String> responses = s.responses() == null ? List.of()
                : s.responses().stream().map(r -> r == null ? "" : r).toList();
        List<String> codes = functions.stream().map(f -> f.code() == null ? "" : f.code()).toList();
        List<VerifiedResponse> scored = ResponseScorer.score(responses, sandbox.evaluate(codes, responses));
        ResponseVerified out = new ResponseVerified(s.sampleId(), s.runId(), s.instructionId(), s.instruction(),
                s.queryId(), s.query(), s.prompt(), functions, scored, s.attempt());
        deliveries.commit(NAME, envelope.messageId(), () -> {
            KafkaMessages.send(verified, s.instructionId(), Envelope.of(messageId, s.runId(),
                    MessageType.ResponseVerified, out)).toCompletableFuture().join();
            return Progress.send(progress, messageId + ":progress",
                    Progress.delta(s.runId(), Stage.RESPONSE_VERIFICATION, 1, 1, Map.of()));
        });
    }
}
