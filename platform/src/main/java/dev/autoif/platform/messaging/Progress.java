package dev.autoif.platform.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes a stage's progress delta, keyed by run id. The message id must be derived from what caused the delta
 * (e.g. the consumed message id), so a redelivered input re-publishes the same delta id and the aggregator counts it
 * once.
 */
public final class Progress {

    private Progress() {
    }

    public static CompletionStage<Void> send(Emitter<String> emitter, String messageId, StageProgress delta) {
        return KafkaMessages.send(emitter, delta.runId(),
                Envelope.of(messageId, delta.runId(), MessageType.StageProgress, delta));
    }

    /** A delta of one item in, {@code out} items out and drops by reason, without LLM usage. */
    public static StageProgress delta(String runId, Stage stage, long in, long out, Map<String, Long> dropped) {
        return new StageProgress(runId, stage, in, out, dropped, 0, 0, 0, false);
    }
}
