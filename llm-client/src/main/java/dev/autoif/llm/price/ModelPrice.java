package dev.autoif.llm.price;

/**
 * What one model costs, in US dollars per million tokens.
 *
 * @param input prompt tokens
 * @param cachedInput prompt tokens the provider served from its prompt cache (reported as
 *     {@code usage.prompt_tokens_details.cached_tokens})
 * @param output completion tokens (reasoning tokens included: the provider bills them as output)
 * @param batchDiscount the fraction taken off every price for the Batch API (0.5 = half price)
 */
public record ModelPrice(double input, double cachedInput, double output, double batchDiscount) {

    public ModelPrice {
        if (!(input >= 0 && cachedInput >= 0 && output >= 0 && batchDiscount >= 0 && batchDiscount < 1)) {
            throw new IllegalArgumentException("prices must be >= 0 and the batch discount in [0, 1): " + input
                    + ", " + cachedInput + ", " + output + ", " + batchDiscount);
        }
    }

    /**
     * The cost in millionths of a dollar ($ per million tokens x tokens = micro-dollars). Rounded to the nearest
     * micro-dollar per call, so a sum of calls is off by at most half a micro-dollar per call.
     *
     * @param cachedPromptTokens the part of {@code promptTokens} billed at the cached-input price
     */
    public long microUsd(long promptTokens, long cachedPromptTokens, long completionTokens, boolean batch) {
        long cached = Math.min(Math.max(cachedPromptTokens, 0), promptTokens);
        double micro = (promptTokens - cached) * input + cached * cachedInput + completionTokens * output;
        return Math.round(batch ? micro * (1 - batchDiscount) : micro);
    }
}
