package dev.autoif.nli.domain;

/**
 * LLM requests, tokens and dollars spent on one instruction, reported in the stage's progress delta.
 *
 * @param costMicroUsd millionths of a dollar at the LLM client's price table
 * @param savedMicroUsd what cache hits would have cost
 * @param unknownPriceCalls requests whose model has no price
 */
public record LlmCost(long calls, long promptTokens, long completionTokens, long costMicroUsd, long savedMicroUsd,
        long unknownPriceCalls) {

    public static final LlmCost NONE = new LlmCost(0, 0, 0);

    public LlmCost(long calls, long promptTokens, long completionTokens) {
        this(calls, promptTokens, completionTokens, 0, 0, 0);
    }

    public LlmCost plus(LlmCost o) {
        return new LlmCost(calls + o.calls, promptTokens + o.promptTokens, completionTokens + o.completionTokens,
                costMicroUsd + o.costMicroUsd, savedMicroUsd + o.savedMicroUsd,
                unknownPriceCalls + o.unknownPriceCalls);
    }
}
