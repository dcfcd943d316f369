package dev.autoif.platform.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.RunSpecValidator;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.Violation;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service keeps the run specs it needs from the compacted runs topic. A record that cannot be read or holds
 * an invalid spec is dead-lettered with the reason; the partition keeps moving. Ordered: the latest spec of a run
 * (a cancellation) must win.
 */
@ApplicationScoped
public class RunsConsumer implements StepWork<RunSpec> {

    private final ConsumerStep step;
    private final RunSpecs runSpecs;

    public RunsConsumer(ConsumerStep step, RunSpecs runSpecs) {
        this.step = step;
        this.runSpecs = runSpecs;
    }

    @Incoming(Topics.RUNS)
    @Blocking
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public MessageType input() {
        return MessageType.RunSpec;
    }

    @Override
    public RunSpec validate(Envelope<RunSpec> envelope) {
        RunSpec spec = envelope.payload();
        if (spec.runId() == null || spec.runId().isBlank()) {
            throw new InvalidMessageException("run spec without runId");
        }
        List<Violation> violations = RunSpecValidator.validate(spec);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException("invalid run spec " + spec.runId() + ": " + violations.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        return spec;
    }

    @Override
    public String runId(RunSpec spec) {
        return spec.runId();
    }

    @Override
    public boolean needsRunSpec() {
        return false;
    }

    @Override
    public StepOutcome process(Envelope<RunSpec> in, RunSpec ignored) {
        return StepOutcome.none().write(() -> runSpecs.upsert(in.payload()));
    }
}
