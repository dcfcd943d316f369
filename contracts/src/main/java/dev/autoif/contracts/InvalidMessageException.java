package dev.autoif.contracts;

/** A record that cannot be read: broken JSON, wrong type, unknown schema version. Goes to the dead-letter topic. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
