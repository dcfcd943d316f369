package dev.autoif.llm;

/**
 * Token usage. {@code calls} counts HTTP requests sent to the endpoint (retries included: each one is a request the
 * endpoint saw); {@code cacheHits} counts choices served from the cache without a request.
 */
public record LlmUsage(long calls, long promptTokens, long completionTokens, long cacheHits) {

    public static final LlmUsage ZERO = new LlmUsage(0, 0, 0, 0);

    public LlmUsage plus(LlmUsage o) {
        return new LlmUsage(calls + o.calls, promptTokens + o.promptTokens, completionTokens + o.completionTokens,
                cacheHits + o.cacheHits);
    }
}
