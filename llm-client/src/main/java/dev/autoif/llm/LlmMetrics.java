package dev.autoif.llm;

import io.micrometer.core.instrument.MeterRegistry;

/** Micrometer counters, tagged by stage and model, so dashboards see cost per step across runs. */
final class LlmMetrics {

    private final MeterRegistry registry;

    LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(LlmRequest r, LlmUsage u) {
        String stage = r.stage().name();
        count("autoif.llm.calls", u.calls(), stage, r.model());
        count("autoif.llm.tokens.prompt", u.promptTokens(), stage, r.model());
        count("autoif.llm.tokens.completion", u.completionTokens(), stage, r.model());
        count("autoif.llm.cache.hits", u.cacheHits(), stage, r.model());
    }

    void failure(LlmRequest r, LlmException e) {
        registry.counter("autoif.llm.failures", "stage", r.stage().name(), "model", r.model(), "type",
                e.getClass().getSimpleName()).increment();
    }

    void cacheWriteFailure() {
        registry.counter("autoif.llm.cache.write.failures").increment();
    }

    private void count(String name, long amount, String stage, String model) {
        if (amount > 0) {
            registry.counter(name, "stage", stage, "model", model).increment(amount);
        }
    }
}
