package dev.autoif.contracts;

/**
 * What the LLM requests behind one record cost, carried with the record where no stage's progress delta counts them:
 * an online DPO round's policy calls for one prompt travel with its sample to export-service, which adds them up
 * per round.
 *
 * @param calls requests sent to the endpoint (retries included)
 * @param cacheHits answers served from the LLM cache without a request
 * @param costMicroUsd what the requests cost at the sender's price table, in millionths of a dollar (requests whose
 *     model has no price are not in it)
 * @param savedMicroUsd what the cache hits would have cost
 * @param unknownPriceCalls requests and cache hits whose model has no price: their cost is unknown, not 0
 */
public record LlmSpend(long calls, long promptTokens, long completionTokens, long cacheHits, long costMicroUsd,
        long savedMicroUsd, long unknownPriceCalls) {
}
