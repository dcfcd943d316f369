package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Stage;
import dev.autoif.llm.cache.InMemoryCompletionStore;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.http.OpenAiHttpTransport;
import dev.autoif.llm.price.ModelPrice;
import dev.autoif.llm.price.PriceTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dollars per call: priced from the answer's usage, cache hits free and counted as saved, unknown models apart. */
class CostTest {

    private FakeOpenAi server;
    private SimpleMeterRegistry registry;
    private LlmClient client;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAi();
        registry = new SimpleMeterRegistry();
        LlmSettings s = new LlmSettings(server.baseUrl(), Duration.ofSeconds(5), 4, 0, 0, 0, Duration.ofMillis(100),
                Duration.ofSeconds(2), NSupport.TRUE, true);
        Clock clock = Clock.systemUTC();
        // $2 per million prompt tokens, $8 per million completion tokens: 10 prompt + 5 per choice completion
        PriceTable prices = PriceTable.defaultsWith(Map.of("priced-model", new ModelPrice(2.0, 1.0, 8.0, 0.5)));
        client = new LlmClient(s, new OpenAiHttpTransport(s.baseUrl(), ApiKey.of("sk-test-0123456789abcdef"),
                s.timeout(), clock), new InMemoryCompletionStore(), registry, time.sleeper, clock, time::nanoTime,
                prices);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmRequest request(String model, int n) {
        return new LlmRequest("run-1", Stage.JUDGE, model, List.of(ChatMessage.user("Judge this.")), 0.7, 64, n, 1);
    }

    @Test
    void aCallIsPricedFromItsUsageAndACacheHitIsSaved() {
        LlmUsage paid = client.complete(request("priced-model", 2)).usage();
        // 10 x 2 + 10 x 8 = 100 micro-dollars
        assertThat(paid.costMicroUsd()).isEqualTo(100);
        assertThat(paid.savedMicroUsd()).isZero();
        assertThat(paid.unknownPriceCalls()).isZero();

        LlmUsage cached = client.complete(request("priced-model", 2)).usage();
        assertThat(cached.costMicroUsd()).isZero();
        // each cached choice carries half the prompt (5 tokens) and its 5 completion tokens: 2 x (10 + 40)
        assertThat(cached.savedMicroUsd()).isEqualTo(100);

        assertThat(client.drainUsage("run-1", Stage.JUDGE).costMicroUsd()).isEqualTo(100);
        assertThat(registry.get("autoif.llm.cost.usd").tag("stage", "JUDGE").tag("model", "priced-model").counter()
                .count()).isEqualTo(0.0001);
        assertThat(registry.get("autoif.llm.cost.saved.usd").counter().count()).isEqualTo(0.0001);
    }

    @Test
    void aModelWithoutPriceIsCountedApartNeverAsFree() {
        LlmUsage u = client.complete(request("someone-elses-model", 1)).usage();

        assertThat(u.costMicroUsd()).isZero();
        assertThat(u.unknownPriceCalls()).isEqualTo(1);
        assertThat(registry.get("autoif.llm.calls.unknown.price").counter().count()).isEqualTo(1);
    }

    @Test
    void datedSnapshotsTakeTheLongestListedName() {
        PriceTable t = PriceTable.defaults();
        assertThat(t.price("gpt-4o-mini-2024-07-18")).isEqualTo(t.price("gpt-4o-mini"));
        assertThat(t.price("gpt-4o-2024-08-06")).isEqualTo(t.price("gpt-4o"));
        assertThat(t.price("gpt-4o-mini")).isNotEqualTo(t.price("gpt-4o"));
        assertThat(t.price("gpt-4o-audio-preview")).isEmpty();
        assertThat(t.price("llama-3")).isEmpty();
    }

    @Test
    void cachedPromptTokensAndTheBatchDiscountLowerThePrice() {
        ModelPrice p = new ModelPrice(2.0, 0.5, 8.0, 0.5);
        assertThat(p.microUsd(1000, 0, 100, false)).isEqualTo(2800);
        assertThat(p.microUsd(1000, 400, 100, false)).isEqualTo(1200 + 200 + 800);
        assertThat(p.microUsd(1000, 0, 100, true)).isEqualTo(1400);
    }
}
