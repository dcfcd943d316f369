package dev.autoif.platform.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.RunSpecValidator;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.Violation;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service keeps the run specs it needs from the compacted runs topic. A record that cannot be read or holds
 * an invalid spec throws, and the dead-letter strategy moves it aside with the reason; the partition keeps moving.
 * Applying the same spec twice leaves the same row, so redelivery is harmless.
 */
@ApplicationScoped
public class RunsConsumer {

    private final RunSpecs runSpecs;

    public RunsConsumer(RunSpecs runSpecs) {
        this.runSpecs = runSpecs;
    }

    @Incoming(Topics.RUNS)
    @Blocking
    public void consume(String json) {
        Envelope<RunSpec> envelope = EnvelopeCodec.decode(json, MessageType.RunSpec);
        RunSpec spec = envelope.payload();
        if (spec.runId() == null || spec.runId().isBlank()) {
            throw new InvalidMessageException("run spec without runId");
        }
        List<Violation> violations = RunSpecValidator.validate(spec);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException("invalid run spec " + spec.runId() + ": " + violations.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        runSpecs.upsert(spec);
    }
}
