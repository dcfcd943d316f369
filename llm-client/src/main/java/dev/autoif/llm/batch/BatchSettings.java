package dev.autoif.llm.batch;

import java.time.Duration;

/**
 * How batch-mode requests are gathered and watched.
 *
 * @param maxRequests a batch file is sent as soon as it holds this many requests (the provider takes up to 50,000)
 * @param maxWait a batch file is sent at the latest this long after its first request arrived
 * @param pollInterval how often a submitted batch's status is asked for
 */
public record BatchSettings(int maxRequests, Duration maxWait, Duration pollInterval) {

    public static final int PROVIDER_MAX_REQUESTS = 50_000;

    public BatchSettings {
        if (maxRequests < 1 || maxRequests > PROVIDER_MAX_REQUESTS) {
            throw new IllegalArgumentException("batch max-requests must be in [1, " + PROVIDER_MAX_REQUESTS + "]");
        }
        if (maxWait.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("batch max-wait must be >= 0 and poll-interval > 0");
        }
    }

    public static BatchSettings defaults() {
        return new BatchSettings(5_000, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
