package dev.autoif.query.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.KafkaMessages;
import dev.autoif.platform.messaging.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Everything this service writes, keyed (samples and responses by instruction id, progress by run id) and with
 * message ids derived from their cause. Each send returns once the broker acknowledged it, so a consumer that
 * commits its input afterwards never loses an output.
 */
@ApplicationScoped
public class Producers {

    @Inject
    @Channel(Topics.RESPONSES_SAMPLED)
    Emitter<String> sampled;

    @Inject
    @Channel(Topics.RESPONSES_ACCEPTED)
    Emitter<String> accepted;

    @Inject
    @Channel(Topics.RUNS_PROGRESS)
    Emitter<String> progress;

    public static String sampledMessageId(String sampleId) {
        return "sampled:" + sampleId;
    }

    public void sampled(ResponseSampled s) {
        await(KafkaMessages.send(sampled, s.instructionId(),
                Envelope.of(sampledMessageId(s.sampleId()), s.runId(), MessageType.ResponseSampled, s)));
    }

    public void accepted(ResponseAccepted a) {
        await(KafkaMessages.send(accepted, a.instructionId(),
                Envelope.of("accepted:" + a.responseId(), a.runId(), MessageType.ResponseAccepted, a)));
    }

    public void progress(String messageId, StageProgress delta) {
        await(Progress.send(progress, messageId, delta));
    }

    private static void await(CompletionStage<Void> ack) {
        ack.toCompletableFuture().join();
    }
}
