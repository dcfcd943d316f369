package dev.autoif.llm.http;

import dev.autoif.llm.limit.RateLimitStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * One attempt failed. {@code status} is the HTTP status, or {@code -1} when no HTTP answer came (reset, timeout);
 * {@code retryAfter} is the wait the server asked for. The message is already free of the API key.
 */
public class TransportFailure extends Exception {

    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final transient RateLimitStatus rateLimits;

    public TransportFailure(int status, Optional<Duration> retryAfter, String message, Throwable cause) {
        this(status, new RateLimitStatus(null, null, retryAfter), message, cause);
    }

    /** An error answer whose headers said {@code rateLimits} (its {@code Retry-After} included). */
    public TransportFailure(int status, RateLimitStatus rateLimits, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = rateLimits.retryAfter();
        this.rateLimits = rateLimits;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public RateLimitStatus rateLimits() {
        return rateLimits;
    }
}
