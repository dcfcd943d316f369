package dev.autoif.llm;

import dev.autoif.contracts.LlmSpend;
import dev.autoif.contracts.StageProgress;

/**
 * Token usage. {@code calls} counts HTTP requests sent to the endpoint (retries included: each one is a request the
 * endpoint saw); {@code cacheHits} counts choices served from the cache without a request.
 *
 * @param costMicroUsd what the requests cost at the client's price table, in millionths of a dollar (requests whose
 *     model has no price are not in it)
 * @param savedMicroUsd what the cache hits would have cost had they been asked again
 * @param unknownPriceCalls requests (and cache hits) whose model is missing from the price table
 */
public record LlmUsage(long calls, long promptTokens, long completionTokens, long cacheHits, long costMicroUsd,
        long savedMicroUsd, long unknownPriceCalls) {

    public static final LlmUsage ZERO = new LlmUsage(0, 0, 0, 0, 0, 0, 0);

    /** Usage without cost. */
    public LlmUsage(long calls, long promptTokens, long completionTokens, long cacheHits) {
        this(calls, promptTokens, completionTokens, cacheHits, 0, 0, 0);
    }

    /** {@code delta} carrying this usage's dollars (its calls and tokens are the caller's to set). */
    public StageProgress costInto(StageProgress delta) {
        return delta.withCost(costMicroUsd, savedMicroUsd, unknownPriceCalls);
    }

    /** This usage as it travels with a record ({@link LlmSpend}). */
    public LlmSpend spend() {
        return new LlmSpend(calls, promptTokens, completionTokens, cacheHits, costMicroUsd, savedMicroUsd,
                unknownPriceCalls);
    }

    public LlmUsage plus(LlmUsage o) {
        return new LlmUsage(calls + o.calls, promptTokens + o.promptTokens, completionTokens + o.completionTokens,
                cacheHits + o.cacheHits, costMicroUsd + o.costMicroUsd, savedMicroUsd + o.savedMicroUsd,
                unknownPriceCalls + o.unknownPriceCalls);
    }
}
