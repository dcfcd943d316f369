package dev.autoif.nli.domain;

/** LLM requests and tokens spent on one instruction, reported in the stage's progress delta. */
public record LlmCost(long calls, long promptTokens, long completionTokens) {

    public static final LlmCost NONE = new LlmCost(0, 0, 0);

    public LlmCost plus(LlmCost o) {
        return new LlmCost(calls + o.calls, promptTokens + o.promptTokens, completionTokens + o.completionTokens);
    }
}
