package dev.autoif.llm.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Which failures are retried and how long to wait first. Retried: 408, 429, 500, 502, 503, 504 and requests that got
 * no HTTP answer (connection reset, timeout). Everything else (400, 401, 403, 404, 422, ...) would fail the same
 * way again. The wait is the server's {@code Retry-After} when it sent one, else exponential backoff with jitter.
 */
public final class RetryPolicy {

    /** A status of {@code NO_RESPONSE} means the attempt got no HTTP answer at all. */
    public static final int NO_RESPONSE = -1;

    /** A server asking for more than this is not waited for blindly: the wait is clamped. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1): the jitter source */
    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public static boolean isRetryable(int status) {
        return switch (status) {
            case NO_RESPONSE, 408, 429, 500, 502, 503, 504 -> true;
            default -> false;
        };
    }

    /**
     * @param attemptsMade attempts already made, at least 1
     * @param status status of the last attempt, {@link #NO_RESPONSE} when there was none
     * @param retryAfter the wait the server asked for, if any
     * @return the wait before the next attempt; empty when the failure is not retryable or the budget is spent
     */
    public Optional<Duration> nextDelay(int attemptsMade, int status, Optional<Duration> retryAfter) {
        if (!isRetryable(status) || attemptsMade > maxRetries) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration d = retryAfter.get();
            return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
        }
        return Optional.of(backoff(attemptsMade));
    }

    /** "Equal jitter": half the exponential step is fixed, half is random, so waits spread but never collapse to 0. */
    Duration backoff(int attemptsMade) {
        int shift = Math.min(attemptsMade - 1, 30);
        long ceiling = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() << shift);
        if (ceiling < 0 || (initialBackoff.toNanos() << shift) >>> shift != initialBackoff.toNanos()) {
            ceiling = maxBackoff.toNanos();
        }
        long half = ceiling / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
