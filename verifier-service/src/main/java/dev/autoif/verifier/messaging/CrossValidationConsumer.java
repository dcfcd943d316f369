package dev.autoif.verifier.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.TestCase;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import dev.autoif.platform.progress.UnitTallies;
import dev.autoif.verifier.domain.CrossValidation;
import dev.autoif.verifier.domain.CrossValidationReport;
import dev.autoif.verifier.domain.CrossValidator;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import dev.autoif.verifier.sandbox.FunctionResult;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code instructions.candidates} -> cross-validation in the sandbox -> {@code instructions.verified} (survivors
 * only, also stored for {@code POST /verify} and {@code /reward}) and a progress delta with the drops by reason.
 * Every instruction's report (verdict per function and case, kept or dropped) is stored for
 * {@code GET /cross-validations/{instructionId}}.
 * The sandbox runs outside any transaction (platform {@link ConsumerStep}); records run concurrently in worker pool
 * {@code cross-validation}.
 */
@ApplicationScoped
public class CrossValidationConsumer implements StepWork<InstructionCandidate> {

    static final String NAME = "cross-validation";

    private final ConsumerStep step;
    private final FunctionSandbox sandbox;
    private final VerifiedInstructions store;

    public CrossValidationConsumer(ConsumerStep step, FunctionSandbox sandbox, VerifiedInstructions store) {
        this.step = step;
        this.sandbox = sandbox;
        this.store = store;
    }

    @Incoming(Topics.INSTRUCTIONS_CANDIDATES)
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
        return MessageType.InstructionCandidate;
    }

    @Override
    public InstructionCandidate validate(Envelope<InstructionCandidate> envelope) {
        InstructionCandidate c = envelope.payload();
        if (c.instructionId() == null || c.instructionId().isBlank() || c.runId() == null) {
            throw new InvalidMessageException("instruction candidate without instructionId or runId");
        }
        return c;
    }

    @Override
    public String runId(InstructionCandidate c) {
        return c.runId();
    }

    @Override
    public StepOutcome cancelled(Envelope<InstructionCandidate> in) {
        InstructionCandidate c = in.payload();
        return StepOutcome.none().progress(messageId(in) + ":progress",
                Progress.delta(c.runId(), Stage.CROSS_VALIDATION, 1, 0, Map.of("run-cancelled", 1L)));
    }

    @Override
    public StepOutcome process(Envelope<InstructionCandidate> in, RunSpec spec) {
        InstructionCandidate c = in.payload();
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
        StepOutcome out = StepOutcome.none().write(() -> store.saveReport(c.instructionId(), c.runId(),
                outcome.kept() ? CrossValidationReport.KEPT : outcome.dropReason(), outcome.report()));
        if (outcome.kept()) {
            out.write(() -> store.save(outcome.verified()))
                    .send(Topics.INSTRUCTIONS_VERIFIED, c.instructionId(), messageId(in), c.runId(),
                            MessageType.InstructionVerified, outcome.verified());
        }
        // the functions inside are another unit: counted apart, as modes (platform UnitTallies)
        Map<String, Long> functions = Map.of(UnitTallies.FUNCTIONS_IN, (long) codes.size(),
                UnitTallies.FUNCTIONS_OUT, outcome.kept() ? (long) outcome.verified().functions().size() : 0L);
        return out.progress(messageId(in) + ":progress", new StageProgress(c.runId(), Stage.CROSS_VALIDATION, 1,
                outcome.kept() ? 1 : 0, dropped, 0, 0, 0, false, functions));
    }

    private static String messageId(Envelope<?> in) {
        return NAME + ":" + in.messageId();
    }
}
