package dev.autoif.platform.messaging.step;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What processing one record produced: database writes and records to send, committed together in one
 * transaction with the consumer's idempotency marker. Records are sent by the outbox relay after the commit, in the
 * order they were added.
 */
public final class StepOutcome {

    /** A record to publish: topic, key and envelope. */
    public record Outgoing(String topic, String key, Envelope<?> envelope) {
        public Outgoing {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    private final List<Runnable> writes = new ArrayList<>();
    private final List<Outgoing> records = new ArrayList<>();

    private StepOutcome() {
    }

    /** Nothing to write or send; the record is only marked consumed. */
    public static StepOutcome none() {
        return new StepOutcome();
    }

    /** A write run inside the commit transaction (persist entities there, never before). */
    public StepOutcome write(Runnable write) {
        writes.add(Objects.requireNonNull(write));
        return this;
    }

    /** A record for {@code topic}, keyed, with a message id derived from what caused it. */
    public <T> StepOutcome send(String topic, String key, String messageId, String runId, MessageType type,
            T payload) {
        records.add(new Outgoing(topic, key, Envelope.of(messageId, runId, type, payload)));
        return this;
    }

    /** A progress delta on {@code runs.progress}, keyed by run id. */
    public StepOutcome progress(String messageId, StageProgress delta) {
        return send(Topics.RUNS_PROGRESS, delta.runId(), messageId, delta.runId(), MessageType.StageProgress, delta);
    }

    List<Runnable> writes() {
        return writes;
    }

    public List<Outgoing> records() {
        return List.copyOf(records);
    }
}
