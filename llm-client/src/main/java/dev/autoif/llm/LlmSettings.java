package dev.autoif.llm;

import java.time.Duration;

/**
 * The client's tuning, independent of how it was configured.
 *
 * @param requestsPerMinute 0 = no limit
 * @param tokensPerMinute 0 = no limit
 */
public record LlmSettings(String baseUrl, Duration timeout, int maxConcurrency, int requestsPerMinute,
        long tokensPerMinute, int maxRetries, Duration initialBackoff, Duration maxBackoff, NSupport nSupported,
        boolean cacheEnabled) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    public static LlmSettings defaults(String baseUrl) {
        return new LlmSettings(baseUrl, Duration.ofSeconds(60), 8, 500, 200_000, 5, Duration.ofMillis(500),
                Duration.ofSeconds(30), NSupport.AUTO, true);
    }
}
