package dev.autoif.instruction.messaging;

/** A record the broker did not acknowledge. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
