package dev.autoif.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: a message id (stable for the same logical event, so consumers can drop
 * redeliveries), the run it belongs to, the payload type and its schema version, and when it was made.
 *
 * @param messageId unique id of this logical event; deterministic ids make re-publishing harmless
 * @param runId the run this message belongs to
 * @param type the payload's type name, see {@link MessageType}
 * @param schemaVersion the payload's schema version; consumers reject versions they do not know
 * @param time when the event was produced
 * @param payload the record itself
 */
public record Envelope<T>(String messageId, String runId, String type, int schemaVersion, Instant time, T payload) {

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
    }

    /** An envelope for {@code payload} with the current schema version of its type. */
    public static <T> Envelope<T> of(String messageId, String runId, MessageType type, T payload) {
        return new Envelope<>(messageId, runId, type.name(), type.schemaVersion(), Instant.now(), payload);
    }

    /** An envelope with a random message id, for events that have no natural identity. */
    public static <T> Envelope<T> random(String runId, MessageType type, T payload) {
        return of(UUID.randomUUID().toString(), runId, type, payload);
    }
}
