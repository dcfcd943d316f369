package dev.autoif.llm;

import dev.autoif.llm.limit.AdaptiveLimiter;
import dev.autoif.llm.retry.RetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters, tagged by stage and model, so dashboards see cost per step across runs, the latency of every
 * HTTP request and how the client copes with the provider's limits. Every name is listed in docs/operations.md.
 */
final class LlmMetrics {

    static final String REQUEST = "autoif.llm.request";
    static final String RATE_LIMITED = "autoif.llm.rate.limited";
    static final String RETRIES = "autoif.llm.retries";
    static final String ADAPTIVE_DELAYED = "autoif.llm.adaptive.delayed";
    static final String ADAPTIVE_DELAY = "autoif.llm.adaptive.delay";
    static final String REMAINING_REQUESTS = "autoif.llm.ratelimit.remaining.requests";
    static final String REMAINING_TOKENS = "autoif.llm.ratelimit.remaining.tokens";

    /** Histogram buckets of {@link #REQUEST}: fixed, so every service's histogram adds up in one Grafana panel. */
    static final Duration[] REQUEST_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

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
        dollars(COST, "LLM spend in US dollars at the client's price table", u.costMicroUsd(), stage, r.model());
        dollars(SAVED, "what LLM cache hits would have cost, in US dollars", u.savedMicroUsd(), stage, r.model());
        count(UNKNOWN_PRICE, u.unknownPriceCalls(), stage, r.model());
    }

    static final String COST = "autoif.llm.cost.usd";
    static final String SAVED = "autoif.llm.cost.saved.usd";
    static final String UNKNOWN_PRICE = "autoif.llm.calls.unknown.price";

    private void dollars(String name, String description, long microUsd, String stage, String model) {
        if (microUsd > 0) {
            Counter.builder(name).description(description).baseUnit("usd").tags("stage", stage, "model", model)
                    .register(registry).increment(microUsd / 1_000_000.0);
        }
    }

    static final String BATCH_RETRIED = "autoif.llm.batch.lines.retried";

    /** A batch line the provider did not answer (error file, failed or expired batch): retried online. */
    void batchLineRetried(LlmRequest r) {
        registry.counter(BATCH_RETRIED, "stage", r.stage().name(), "model", r.model()).increment();
    }

    void failure(LlmRequest r, LlmException e) {
        registry.counter("autoif.llm.failures", "stage", r.stage().name(), "model", r.model(), "type",
                e.getClass().getSimpleName()).increment();
    }

    void cacheWriteFailure() {
        registry.counter("autoif.llm.cache.write.failures").increment();
    }

    /** A request that waited for an identical one in flight instead of fetching the same answers twice. */
    void waitedForIdenticalRequest() {
        registry.counter("autoif.llm.identical.requests.joined").increment();
    }

    /** One HTTP request (one attempt), from sending to the whole answer, in histogram buckets for quantiles. */
    void request(LlmRequest r, String outcome, long nanos) {
        Timer.builder(REQUEST)
                .description("LLM HTTP requests (each attempt), by outcome")
                .tags("stage", r.stage().name(), "model", r.model(), "outcome", outcome)
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The outcome tag of an attempt that got {@code status} ({@link RetryPolicy#NO_RESPONSE}: none). */
    static String outcome(int status) {
        if (status == RetryPolicy.NO_RESPONSE) {
            return "no_response";
        }
        if (status == 429) {
            return "rate_limited";
        }
        return status >= 500 ? "server_error" : "client_error";
    }

    void rateLimited(LlmRequest r) {
        Counter.builder(RATE_LIMITED).description("429 answers from the LLM endpoint")
                .tags("stage", r.stage().name(), "model", r.model()).register(registry).increment();
    }

    void retry(LlmRequest r, int status) {
        Counter.builder(RETRIES).description("LLM attempts repeated after a transient failure")
                .tags("stage", r.stage().name(), "model", r.model(), "reason",
                        status == RetryPolicy.NO_RESPONSE ? "no_response" : Integer.toString(status))
                .register(registry).increment();
    }

    static final String PHASE = "autoif.llm.phase";

    /**
     * Time a call spent outside its HTTP requests: {@code cache_lookup}, {@code limiter} (waiting for the static
     * rate buckets, a concurrency slot and the adaptive limiter), {@code cache_store}.
     */
    void phase(LlmRequest r, String phase, long nanos) {
        Timer.builder(PHASE).description("time LLM calls spent on the cache and waiting for the client's limits")
                .tags("stage", r.stage().name(), "phase", phase).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request the adaptive limiter held back to stay under the provider's limit. */
    void adaptiveDelay(LlmRequest r, Duration delay) {
        if (delay.isZero()) {
            return;
        }
        Counter.builder(ADAPTIVE_DELAYED).description("LLM requests held back by the adaptive rate limiter")
                .tags("stage", r.stage().name(), "model", r.model()).register(registry).increment();
        Timer.builder(ADAPTIVE_DELAY).description("time LLM requests were held back by the adaptive rate limiter")
                .tags("stage", r.stage().name(), "model", r.model()).register(registry).record(delay);
    }

    /** The shared budget as this client estimates it now (-1 until the provider has reported one). */
    void remainingBudget(AdaptiveLimiter adaptive) {
        Gauge.builder(REMAINING_REQUESTS, adaptive, AdaptiveLimiter::remainingRequests)
                .description("requests left on the API key's rate limit, as this client estimates it")
                .register(registry);
        Gauge.builder(REMAINING_TOKENS, adaptive, AdaptiveLimiter::remainingTokens)
                .description("tokens left on the API key's rate limit, as this client estimates it")
                .register(registry);
    }

    private void count(String name, long amount, String stage, String model) {
        if (amount > 0) {
            registry.counter(name, "stage", stage, "model", model).increment(amount);
        }
    }
}
