package dev.autoif.llm;

import dev.autoif.llm.batch.BatchSettings;
import java.time.Duration;

/**
 * The client's tuning, independent of how it was configured.
 *
 * @param requestsPerMinute 0 = no limit
 * @param tokensPerMinute 0 = no limit
 * @param adaptiveRateLimit follow the provider's {@code x-ratelimit-*} headers and slow down before being refused
 *     (the static limits above stay a ceiling)
 * @param batch how batch-mode requests are gathered and polled (used once batches are enabled on the client)
 */
public record LlmSettings(String baseUrl, Duration timeout, int maxConcurrency, int requestsPerMinute,
        long tokensPerMinute, int maxRetries, Duration initialBackoff, Duration maxBackoff, NSupport nSupported,
        boolean cacheEnabled, boolean adaptiveRateLimit, BatchSettings batch) {

    public LlmSettings {
        batch = batch == null ? BatchSettings.defaults() : batch;
    }

    /** Default batch settings. */
    public LlmSettings(String baseUrl, Duration timeout, int maxConcurrency, int requestsPerMinute,
            long tokensPerMinute, int maxRetries, Duration initialBackoff, Duration maxBackoff, NSupport nSupported,
            boolean cacheEnabled, boolean adaptiveRateLimit) {
        this(baseUrl, timeout, maxConcurrency, requestsPerMinute, tokensPerMinute, maxRetries, initialBackoff,
                maxBackoff, nSupported, cacheEnabled, adaptiveRateLimit, null);
    }

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /** Adaptive rate limiting on. */
    public LlmSettings(String baseUrl, Duration timeout, int maxConcurrency, int requestsPerMinute,
            long tokensPerMinute, int maxRetries, Duration initialBackoff, Duration maxBackoff, NSupport nSupported,
            boolean cacheEnabled) {
        this(baseUrl, timeout, maxConcurrency, requestsPerMinute, tokensPerMinute, maxRetries, initialBackoff,
                maxBackoff, nSupported, cacheEnabled, true);
    }

    public static LlmSettings defaults(String baseUrl) {
        return new LlmSettings(baseUrl, Duration.ofSeconds(60), 8, 500, 200_000, 5, Duration.ofMillis(500),
                Duration.ofSeconds(30), NSupport.AUTO, true, true, BatchSettings.defaults());
    }

    public LlmSettings withAdaptiveRateLimit(boolean on) {
        return new LlmSettings(baseUrl, timeout, maxConcurrency, requestsPerMinute, tokensPerMinute, maxRetries,
                initialBackoff, maxBackoff, nSupported, cacheEnabled, on, batch);
    }

    /** The same settings for another endpoint (an online DPO round's policy). */
    public LlmSettings withBaseUrl(String url) {
        return new LlmSettings(url, timeout, maxConcurrency, requestsPerMinute, tokensPerMinute, maxRetries,
                initialBackoff, maxBackoff, nSupported, cacheEnabled, adaptiveRateLimit, batch);
    }

    public LlmSettings withBatch(BatchSettings b) {
        return new LlmSettings(baseUrl, timeout, maxConcurrency, requestsPerMinute, tokensPerMinute, maxRetries,
                initialBackoff, maxBackoff, nSupported, cacheEnabled, adaptiveRateLimit, b);
    }
}
