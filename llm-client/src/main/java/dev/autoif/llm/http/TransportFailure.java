package dev.autoif.llm.http;

import java.time.Duration;
import java.util.Optional;

/**
 * One attempt failed. {@code status} is the HTTP status, or {@code -1} when no HTTP answer came (reset, timeout);
 * {@code retryAfter} is the wait the server asked for. The message is already free of the API key.
 */
public class TransportFailure extends Exception {

    private final int status;
    private final transient Optional<Duration> retryAfter;

    public TransportFailure(int status, Optional<Duration> retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
