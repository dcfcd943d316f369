package dev.autoif.export.messaging;

import dev.autoif.contracts.StageProgress;
import dev.autoif.export.config.ExportConfig;
import dev.autoif.platform.messaging.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes export's progress deltas. This service also reads runs.progress, so its outgoing channel has the
 * {@code -out} suffix. The send is awaited inside the consumer's transaction: if the broker refuses, the transaction
 * rolls back and the input is not marked consumed.
 */
@ApplicationScoped
public class ExportProgress {

    public static final String CHANNEL = "runs.progress-out";

    private final Emitter<String> emitter;
    private final ExportConfig config;

    public ExportProgress(@Channel(CHANNEL) Emitter<String> emitter, ExportConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public void publish(String messageId, StageProgress delta) {
        try {
            Progress.send(emitter, messageId, delta).toCompletableFuture()
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("progress delta " + messageId + " was not accepted by the broker",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("progress delta " + messageId + " was not acknowledged in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing progress " + messageId, e);
        }
    }
}
