package dev.autoif.nli.ai;

import dev.autoif.llm.LlmUsage;
import dev.autoif.nli.domain.LlmCost;

/** The llm-client's usage in the domain's terms (cache hits cost nothing and are not calls). */
final class LlmCosts {

    private LlmCosts() {
    }

    static LlmCost of(LlmUsage usage) {
        return new LlmCost(usage.calls(), usage.promptTokens(), usage.completionTokens(), usage.costMicroUsd(),
                usage.savedMicroUsd(), usage.unknownPriceCalls());
    }
}
