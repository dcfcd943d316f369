package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autoif.contracts.Stage;
import dev.autoif.llm.cache.InMemoryCompletionStore;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.http.OpenAiHttpTransport;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client reads the provider's rate-limit headers on every answer and slows down before it is refused; time is
 * a fake clock that the sleeper moves on, so the waits it asks for are exact.
 */
class AdaptiveRateLimitTest {

    private static final Map<String, String> LOW_BUDGET = Map.of("x-ratelimit-limit-requests", "600",
            "x-ratelimit-remaining-requests", "10", "x-ratelimit-reset-requests", "59s");

    private FakeOpenAi server;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FakeTime time = new FakeTime();
    private final List<Duration> sleeps = time.sleeps;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAi();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmClient client(boolean adaptive) {
        LlmSettings s = new LlmSettings(server.baseUrl(), Duration.ofSeconds(5), 4, 0, 0, 3, Duration.ofMillis(100),
                Duration.ofSeconds(2), NSupport.AUTO, false, adaptive);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new LlmClient(s, new OpenAiHttpTransport(s.baseUrl(), ApiKey.of("sk-test"), s.timeout(), clock),
                new InMemoryCompletionStore(), registry, time.sleeper, clock, time::nanoTime);
    }

    private static LlmRequest request(int seed) {
        return LlmRequest.of("run-1", Stage.JUDGE, "gpt-test", "sys", "judge this").withSeed(seed);
    }

    @Test
    void aLowRemainingBudgetDelaysTheNextRequestBeforeAnyRefusal() {
        server.then(server.okWith(LOW_BUDGET));
        LlmClient client = client(true);
        client.complete(request(1));
        assertThat(sleeps).isEmpty();

        client.complete(request(2));
        // 10 left of 600, refilling 10 a second: spread until the reset, the next request waits about 1.94 s
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.getFirst().toMillis()).isBetween(1_900L, 1_990L);
        assertThat(server.calls()).isEqualTo(2);
        assertThat(registry.get(LlmMetrics.ADAPTIVE_DELAYED).tag("stage", "JUDGE").counter().count()).isEqualTo(1);
        assertThat(registry.get(LlmMetrics.ADAPTIVE_DELAY).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(sleeps.getFirst().toMillis(), within(1.0));
        assertThat(registry.get(LlmMetrics.REMAINING_REQUESTS).gauge().value()).isBetween(9.0, 30.0);
    }

    @Test
    void switchedOffItIgnoresTheHeaders() {
        server.then(server.okWith(LOW_BUDGET));
        LlmClient client = client(false);
        client.complete(request(1));
        client.complete(request(2));
        assertThat(sleeps).isEmpty();
        assertThat(registry.find(LlmMetrics.ADAPTIVE_DELAYED).counter()).isNull();
        assertThat(registry.find(LlmMetrics.REMAINING_REQUESTS).gauge()).isNull();
    }

    @Test
    void a429StillRetriesAfterRetryAfterAndEveryMeterIsThere() {
        server.then(server.status(429, Map.of("retry-after-ms", "700", "x-ratelimit-limit-requests", "600",
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1m0s")));
        LlmClient client = client(true);
        assertThat(client.complete(request(1)).first()).isEqualTo(FakeOpenAi.text(1, 0));
        // the retry waits the Retry-After; the pause it set for other callers has passed by then
        assertThat(sleeps.getFirst()).isEqualTo(Duration.ofMillis(700));
        assertThat(server.calls()).isEqualTo(2);

        assertThat(registry.get(LlmMetrics.RATE_LIMITED).tag("stage", "JUDGE").counter().count()).isEqualTo(1);
        assertThat(registry.get(LlmMetrics.RETRIES).tag("reason", "429").counter().count()).isEqualTo(1);
        Timer ok = registry.get(LlmMetrics.REQUEST).tag("outcome", "ok").tag("stage", "JUDGE").timer();
        Timer limited = registry.get(LlmMetrics.REQUEST).tag("outcome", "rate_limited").timer();
        assertThat(ok.count()).isEqualTo(1);
        assertThat(limited.count()).isEqualTo(1);
        assertThat(ok.takeSnapshot().histogramCounts()).as("histogram buckets for quantiles")
                .hasSize(LlmMetrics.REQUEST_BUCKETS.length);
    }
}
