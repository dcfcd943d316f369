package dev.autoif.platform.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Every record we write is keyed, so ordering per key and de-duplication downstream work. */
public final class KafkaMessages {

    private KafkaMessages() {
    }

    public static Message<String> keyed(String key, Envelope<?> envelope) {
        return Message.of(EnvelopeCodec.encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /** Sends and completes when the broker acknowledged the record (or failed). */
    public static CompletionStage<Void> send(Emitter<String> emitter, String key, Envelope<?> envelope) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        emitter.send(keyed(key, envelope)
                .withAck(() -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    done.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                }));
        return done;
    }
}
