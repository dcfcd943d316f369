package dev.autoif.verifier.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.TestCase;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.KafkaMessages;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.verifier.domain.CrossValidation;
import dev.autoif.verifier.domain.CrossValidator;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import dev.autoif.verifier.sandbox.FunctionResult;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code instructions.candidates} -> cross-validation in the sandbox -> {@code instructions.verified} (survivors
 * only, also stored for {@code POST /verify}) and a progress delta with the drops by reason. The sandbox runs outside
 * the transaction; the idempotency marker, the row and the sends commit together.
 */
@ApplicationScoped
public class CrossValidationConsumer {

    static final String NAME = "cross-validation";

    private final FunctionSandbox sandbox;
    private final RunSpecLookup runs;
    private final VerifiedInstructions store;
    private final Deliveries deliveries;
    private final Emitter<String> verified;
    private final Emitter<String> progress;

    public CrossValidationConsumer(FunctionSandbox sandbox, RunSpecLookup runs, VerifiedInstructions store,
            Deliveries deliveries, @Channel(Topics.INSTRUCTIONS_VERIFIED) Emitter<String> verified,
            @Channel(Topics.RUNS_PROGRESS) Emitter<String> progress) {
        this.sandbox = sandbox;
        this.runs = runs;
        this.store = store;
        this.deliveries = deliveries;
        this.verified = verified;
        this.progress = progress;
    }

    @Incoming(Topics.INSTRUCTIONS_CANDIDATES)
    @Blocking
    public void consume(String json) {
        Envelope<InstructionCandidate> envelope = EnvelopeCodec.decode(json, MessageType.InstructionCandidate);
        InstructionCandidate c = envelope.payload();
        if (c.instructionId() == null || c.instructionId().isBlank() || c.runId() == null) {
            throw new InvalidMessageException("instruction candidate without instructionId or runId");
        }
        if (deliveries.seen(NAME, envelope.messageId())) {
            return;
        }
        RunSpec spec = runs.require(c.runId());
        String messageId = NAME + ":" + envelope.messageId();
        if (spec.cancelled()) {
            deliveries.commit(NAME, envelope.messageId(), () -> Progress.send(progress, messageId,
                    Progress.delta(c.runId(), Stage.CROSS_VALIDATION, 1, 0, Map.of("run-cancelled", 1L))));
            return;
        }
        List<String> codes = c.functions() == null ? List.of()
                : c.functions().stream().map(f -> f.code() == null ? "" : f.code()).toList();
        List<String> inputs = c.cases() == null ? List.of()
                : c.cases().stream().map(TestCase::input).map(s -> s == null ? "" : s).toList();
        List<FunctionResult> results = sandbox.evaluate(codes, inputs);
        CrossValidation outcome = CrossValidator.validate(c, spec.parameters(), results);

        Map<String, Long> dropped = new TreeMap<>(outcome.functionDrops());
        if (!outcome.kept()) {
            dropped.merge(outcome.dropReason(), 1L, Long::sum);
        }
        deliveries.commit(NAME, envelope.messageId(), () -> {
            if (outcome.kept()) {
                store.save(outcome.verified());
                KafkaMessages.send(verified, c.instructionId(), Envelope.of(messageId, c.runId(),
                        MessageType.InstructionVerified, outcome.verified())).toCompletableFuture().join();
            }
            return Progress.send(progress, messageId + ":progress",
                    Progress.delta(c.runId(), Stage.CROSS_VALIDATION, 1, outcome.kept() ? 1 : 0, dropped));
        });
    }
}
