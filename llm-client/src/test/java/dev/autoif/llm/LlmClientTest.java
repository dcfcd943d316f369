package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.cache.InMemoryCompletionStore;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.http.OpenAiHttpTransport;
import dev.autoif.llm.limit.Sleeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real loopback HTTP server speaking the OpenAI wire format. */
class LlmClientTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private FakeOpenAi server;
    private InMemoryCompletionStore store;
    private SimpleMeterRegistry registry;
    private final FakeTime time = new FakeTime();
    private final List<Duration> sleeps = time.sleeps;
    private final Sleeper recordingSleeper = time.sleeper;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAi();
        store = new InMemoryCompletionStore();
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmSettings settings(NSupport n) {
        return new LlmSettings(server.baseUrl(), Duration.ofSeconds(5), 4, 0, 0, 3, Duration.ofMillis(100),
                Duration.ofSeconds(2), n, true);
    }

    private LlmClient client(LlmSettings s) {
        return client(s, ApiKey.of(KEY));
    }

    private LlmClient client(LlmSettings s, ApiKey key) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new LlmClient(s, new OpenAiHttpTransport(s.baseUrl(), key, s.timeout(), clock), store, registry,
                recordingSleeper, clock, time::nanoTime);
    }

    private static LlmRequest request(int n, Integer seed) {
        return new LlmRequest("run-1", Stage.FUNCTION_GENERATION, "gpt-test",
                List.of(ChatMessage.system("You write functions."), ChatMessage.user("Write evaluate().")), 0.7, 256,
                n, seed);
    }

    @Test
    void sendsOpenAiWireJsonWithBearerKey() {
        LlmResult r = client(settings(NSupport.AUTO)).complete(request(3, 42));

        assertThat(server.calls()).isEqualTo(1);
        JsonNode body = server.requests.getFirst();
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Write evaluate().");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("n").asInt()).isEqualTo(3);
        assertThat(body.get("seed").asInt()).isEqualTo(42);
        assertThat(server.authorizations.getFirst()).isEqualTo("Bearer " + KEY);
        // The server lists choices in reverse: they come back ordered by index.
        assertThat(r.texts()).containsExactly(FakeOpenAi.text(42, 0), FakeOpenAi.text(42, 1), FakeOpenAi.text(42, 2));
        // gpt-test has no price: one call of unknown price, not a free one
        assertThat(r.usage()).isEqualTo(new LlmUsage(1, 10, 15, 0, 0, 0, 1));
    }

    @Test
    void singleSampleOmitsNAndNullParameters() {
        LlmRequest req = LlmRequest.of("run-1", Stage.JUDGE, "gpt-test", "sys", "user");
        assertThat(client(settings(NSupport.AUTO)).complete(req).first()).isEqualTo(FakeOpenAi.text(null, 0));
        JsonNode body = server.requests.getFirst();
        assertThat(body.has("n")).isFalse();
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void fewerChoicesThanAskedFallsBackToSeparateSeededRequestsAndRemembersIt() {
        server.nMode = FakeOpenAi.NMode.IGNORE;
        LlmClient client = client(settings(NSupport.AUTO));

        LlmResult r = client.complete(request(3, 100));

        // one n=3 request that yielded 1 choice, then samples 1 and 2 alone with seeds 101, 102
        assertThat(server.calls()).isEqualTo(3);
        assertThat(r.texts()).containsExactly(FakeOpenAi.text(100, 0), FakeOpenAi.text(101, 0),
                FakeOpenAi.text(102, 0));
        assertThat(server.requests.subList(1, 3)).allSatisfy(b -> assertThat(b.has("n")).isFalse());
        assertThat(server.requests.subList(1, 3).stream().map(b -> b.get("seed").asInt()))
                .containsExactlyInAnyOrder(101, 102);

        // remembered for this endpoint: the next request never sends n
        client.complete(request(2, 7));
        assertThat(server.requests.subList(3, 5)).allSatisfy(b -> assertThat(b.has("n")).isFalse());
    }

    @Test
    void rejectedNFallsBackWhenASingleSampleWorks() {
        server.nMode = FakeOpenAi.NMode.REJECT;
        LlmClient client = client(settings(NSupport.AUTO));

        LlmResult r = client.complete(request(3, 5));

        assertThat(r.failures()).isZero();
        assertThat(r.texts()).containsExactly(FakeOpenAi.text(5, 0), FakeOpenAi.text(6, 0), FakeOpenAi.text(7, 0));
        assertThat(server.calls()).isEqualTo(4); // rejected n=3, then three single requests
        client.complete(request(2, 50));
        assertThat(server.calls()).isEqualTo(6);
        assertThat(server.requests.subList(4, 6)).allSatisfy(b -> assertThat(b.has("n")).isFalse());
    }

    @Test
    void a400ThatIsNotAboutNFailsEverySampleWithoutFanningOut() {
        server.then(server.status(400, Map.of())).then(server.status(400, Map.of()));

        assertThatThrownBy(() -> client(settings(NSupport.AUTO)).complete(request(4, 1)))
                .isInstanceOf(LlmRejectedException.class)
                .satisfies(e -> assertThat(((LlmRejectedException) e).status()).isEqualTo(400));
        assertThat(server.calls()).isEqualTo(2); // the n request and one probe, not four
        assertThat(sleeps).isEmpty();
    }

    @Test
    void nSupportedFalseSendsOneRequestPerSample() {
        LlmResult r = client(settings(NSupport.FALSE)).complete(request(3, 10));
        assertThat(server.calls()).isEqualTo(3);
        assertThat(server.requests).allSatisfy(b -> assertThat(b.has("n")).isFalse());
        assertThat(r.texts()).containsExactly(FakeOpenAi.text(10, 0), FakeOpenAi.text(11, 0), FakeOpenAi.text(12, 0));
        assertThat(r.usage().calls()).isEqualTo(3);
    }

    @Test
    void nSupportedTrueStillFillsMissingChoicesButKeepsSendingN() {
        server.then(server.choices(2));
        LlmClient client = client(settings(NSupport.TRUE));
        LlmResult r = client.complete(request(3, 0));
        assertThat(r.texts()).containsExactly(FakeOpenAi.text(0, 0), FakeOpenAi.text(0, 1), FakeOpenAi.text(2, 0));
        client.complete(request(2, 1000));
        assertThat(server.requests.getLast().get("n").asInt()).isEqualTo(2);
    }

    @Test
    void repeatedRequestIsServedFromCacheWithoutHttp() {
        LlmClient client = client(settings(NSupport.AUTO));
        LlmResult first = client.complete(request(3, 9));
        int calls = server.calls();

        LlmResult again = client.complete(request(3, 9));

        assertThat(server.calls()).isEqualTo(calls);
        assertThat(again.texts()).isEqualTo(first.texts());
        assertThat(again.choices()).allSatisfy(c -> assertThat(c.fromCache()).isTrue());
        assertThat(again.usage()).isEqualTo(new LlmUsage(0, 0, 0, 3));
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void onlyMissingSamplesAreFetched() {
        LlmClient client = client(settings(NSupport.AUTO));
        client.complete(request(2, 20));
        assertThat(server.calls()).isEqualTo(1);

        LlmResult five = client.complete(request(5, 20));

        assertThat(server.calls()).isEqualTo(2);
        JsonNode second = server.requests.get(1);
        assertThat(second.get("n").asInt()).isEqualTo(3);
        assertThat(second.get("seed").asInt()).isEqualTo(22); // seed of the first missing index
        assertThat(five.usage().cacheHits()).isEqualTo(2);
        assertThat(five.choices().subList(0, 2)).allSatisfy(c -> assertThat(c.fromCache()).isTrue());
        assertThat(five.choices().subList(2, 5)).allSatisfy(c -> assertThat(c.fromCache()).isFalse());
    }

    @Test
    void differentParametersMissTheCache() {
        LlmClient client = client(settings(NSupport.AUTO));
        client.complete(request(1, 1));
        client.complete(request(1, 1).withTemperature(0.2));
        client.complete(request(1, 1).withMaxTokens(64));
        client.complete(request(1, 2));
        assertThat(server.calls()).isEqualTo(4);
    }

    @Test
    void twoEndpointsWithOneModelNameAreCachedApart() throws Exception {
        try (FakeOpenAi other = new FakeOpenAi()) {
            server.voice = "simulator";
            other.voice = "provider";
            LlmSettings s = settings(NSupport.AUTO);
            LlmClient simulator = client(s);
            LlmClient provider = client(new LlmSettings(other.baseUrl(), s.timeout(), 4, 0, 0, 3, s.initialBackoff(),
                    s.maxBackoff(), NSupport.AUTO, true)); // same store, same model name, same request

            LlmResult fromSimulator = simulator.complete(request(2, 7));
            LlmResult fromProvider = provider.complete(request(2, 7));

            assertThat(fromSimulator.texts()).containsExactly(FakeOpenAi.text("simulator", 7, 0),
                    FakeOpenAi.text("simulator", 7, 1));
            assertThat(fromProvider.texts()).containsExactly(FakeOpenAi.text("provider", 7, 0),
                    FakeOpenAi.text("provider", 7, 1));
            assertThat(fromProvider.choices()).noneMatch(ChoiceResult::fromCache);
            assertThat(store.size()).isEqualTo(4);
            assertThat(server.calls()).isEqualTo(1);
            assertThat(other.calls()).isEqualTo(1);

            // Each served from its own cache on the second call, without HTTP.
            LlmResult simulatorAgain = simulator.complete(request(2, 7));
            LlmResult providerAgain = provider.complete(request(2, 7));
            assertThat(simulatorAgain.texts()).isEqualTo(fromSimulator.texts());
            assertThat(providerAgain.texts()).isEqualTo(fromProvider.texts());
            assertThat(simulatorAgain.choices()).allMatch(ChoiceResult::fromCache);
            assertThat(providerAgain.choices()).allMatch(ChoiceResult::fromCache);
            assertThat(server.calls()).isEqualTo(1);
            assertThat(other.calls()).isEqualTo(1);
            assertThat(simulator.cacheKey(request(2, 7), 0)).isNotEqualTo(provider.cacheKey(request(2, 7), 0));
            // The result names each sample's cache entry, fetched or cached, as cacheKey does.
            for (LlmResult r : List.of(fromSimulator, simulatorAgain)) {
                assertThat(r.cacheKeys()).containsExactly(simulator.cacheKey(request(2, 7), 0),
                        simulator.cacheKey(request(2, 7), 1));
            }
            assertThat(providerAgain.cacheKeys()).containsExactly(provider.cacheKey(request(2, 7), 0),
                    provider.cacheKey(request(2, 7), 1));
            assertThat(store.findAll(fromSimulator.cacheKeys())).hasSize(2);
            assertThat(store.findAll(fromProvider.cacheKeys())).hasSize(2);
        }
    }

    @Test
    void oneEndpointWrittenDifferentlySharesItsCache() {
        LlmSettings s = settings(NSupport.AUTO);
        LlmClient client = client(s);
        LlmResult first = client.complete(request(1, 8));
        String spelledOtherwise = s.baseUrl().replace("http://", "HTTP://") + "/";
        LlmClient same = client(new LlmSettings(spelledOtherwise, s.timeout(), 4, 0, 0, 3, s.initialBackoff(),
                s.maxBackoff(), NSupport.AUTO, true));

        LlmResult again = same.complete(request(1, 8));

        assertThat(server.calls()).isEqualTo(1);
        assertThat(again.texts()).isEqualTo(first.texts());
        assertThat(again.choices()).allMatch(ChoiceResult::fromCache);
    }

    @Test
    void cacheDisabledAlwaysCalls() {
        LlmSettings s = settings(NSupport.AUTO);
        LlmClient client = client(new LlmSettings(s.baseUrl(), s.timeout(), 4, 0, 0, 3, s.initialBackoff(),
                s.maxBackoff(), NSupport.AUTO, false));
        client.complete(request(1, 1));
        client.complete(request(1, 1));
        assertThat(server.calls()).isEqualTo(2);
        assertThat(store.size()).isZero();
    }

    @Test
    void retryAfterSecondsIsHonouredOn429() {
        server.then(server.status(429, Map.of("Retry-After", "7")));
        LlmResult r = client(settings(NSupport.AUTO)).complete(request(1, 1));
        assertThat(r.first()).isEqualTo(FakeOpenAi.text(1, 0));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(r.usage().calls()).isEqualTo(2);
    }

    @Test
    void retryAfterHttpDateIsHonouredOn503() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(12),
                ZoneOffset.UTC));
        server.then(server.status(503, Map.of("Retry-After", at)));
        client(settings(NSupport.AUTO)).complete(request(1, 1));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void serverErrorsAndResetsAreRetriedWithBackoff() {
        server.then(server.status(500, Map.of())).then(server.reset()).then(server.status(502, Map.of()))
                .then(server.status(504, Map.of()));
        LlmSettings s = settings(NSupport.AUTO);
        LlmClient client = client(new LlmSettings(s.baseUrl(), s.timeout(), 4, 0, 0, 5, Duration.ofMillis(100),
                Duration.ofSeconds(2), NSupport.AUTO, true));

        LlmResult r = client.complete(request(1, 3));

        assertThat(r.first()).isEqualTo(FakeOpenAi.text(3, 0));
        assertThat(server.calls()).isEqualTo(5);
        assertThat(sleeps).hasSize(4);
        // equal jitter: attempt k waits within [step/2, step], step = 100ms * 2^(k-1)
        for (int k = 0; k < 4; k++) {
            long step = 100L << k;
            assertThat(sleeps.get(k).toMillis()).isBetween(step / 2, step);
        }
    }

    @Test
    void slowAnswerTimesOutAndIsRetried() {
        server.then(server.slow(Duration.ofSeconds(3)));
        LlmSettings s = settings(NSupport.AUTO);
        LlmClient client = client(new LlmSettings(s.baseUrl(), Duration.ofMillis(300), 4, 0, 0, 2,
                Duration.ofMillis(10), Duration.ofMillis(20), NSupport.AUTO, true));

        LlmResult r = client.complete(request(1, 4));

        assertThat(r.first()).isEqualTo(FakeOpenAi.text(4, 0));
        assertThat(r.usage().calls()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesGiveATypedException() {
        for (int i = 0; i < 4; i++) {
            server.then(server.status(503, Map.of()));
        }
        assertThatThrownBy(() -> client(settings(NSupport.AUTO)).complete(request(1, 1)))
                .isInstanceOfSatisfying(LlmRetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4); // 1 + maxRetries 3
                    assertThat(e.lastStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("gave up after 4 attempts");
                });
        assertThat(server.calls()).isEqualTo(4);
    }

    @Test
    void clientErrorsAreNotRetriedAndNeverLeakTheKey() {
        server.then(server.raw(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        assertThatThrownBy(() -> client(settings(NSupport.AUTO)).complete(request(1, 1)))
                .isInstanceOfSatisfying(LlmRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("Incorrect API key").doesNotContain(KEY);
                });
        server.then(server.status(404, Map.of()));
        assertThatThrownBy(() -> client(settings(NSupport.AUTO)).complete(request(1, 2)))
                .isInstanceOf(LlmRejectedException.class);
        assertThat(server.calls()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void missingApiKeyFailsClearlyBeforeAnyHttp() {
        LlmClient client = client(settings(NSupport.AUTO), ApiKey.fromEnvironment(name -> null));
        assertThatThrownBy(() -> client.complete(request(1, 1)))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("OPENAI_API_KEY");
        assertThat(server.calls()).isZero();
    }

    @Test
    void partialFailureIsReportedPerChoice() {
        server.nMode = FakeOpenAi.NMode.IGNORE;
        server.then(server.ok()).then(server.status(400, Map.of()));
        LlmSettings s = settings(NSupport.AUTO);
        // concurrency 1 so the scripted 400 goes to sample 1's request deterministically
        LlmClient client = client(new LlmSettings(s.baseUrl(), s.timeout(), 1, 0, 0, 3, s.initialBackoff(),
                s.maxBackoff(), NSupport.FALSE, true));

        LlmResult r = client.complete(request(2, 0));

        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.texts()).hasSize(1);
        assertThatThrownBy(r::allTextsOrThrow).isInstanceOf(LlmRejectedException.class);
    }

    @Test
    void choiceWithoutContentIsAFailedChoiceNotAnException() {
        server.then(server.raw(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},"
                + "\"finish_reason\":\"content_filter\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":0}}"));
        LlmResult r = client(settings(NSupport.AUTO)).complete(request(1, 1));
        assertThat(r.choices().getFirst().error()).isInstanceOf(LlmResponseException.class)
                .hasMessageContaining("content_filter");
        assertThat(store.size()).isZero();
    }

    @Test
    void typedHelperCountsParseFailuresWithReasons() {
        LlmResult plain = client(settings(NSupport.AUTO)).complete(request(3, 0));
        server.requests.clear();
        // choice 1 "does not parse": the parser rejects anything mentioning choice=1
        TypedResult<Integer> typed = client(settings(NSupport.AUTO)).complete(request(3, 0), text -> {
            if (text.contains("choice=1")) {
                throw new IllegalArgumentException("no number in answer");
            }
            return text.length();
        });

        assertThat(typed.values()).containsExactly(plain.texts().get(0).length(), plain.texts().get(2).length());
        assertThat(typed.parseFailures()).isEqualTo(1);
        Parsed.Failure<Integer> f = typed.failures().getFirst();
        assertThat(f.index()).isEqualTo(1);
        assertThat(f.reason()).isEqualTo("no number in answer");
        assertThat(f.rawText()).isEqualTo(plain.texts().get(1));
    }

    @Test
    void usageIsAccumulatedPerRunAndStageAndDrainedOnce() {
        LlmClient client = client(settings(NSupport.AUTO));
        client.complete(request(2, 1));
        client.complete(request(2, 1)); // cached
        client.complete(LlmRequest.of("run-2", Stage.JUDGE, "gpt-test", "s", "u"));

        assertThat(client.drainUsage("run-1", Stage.FUNCTION_GENERATION))
                .isEqualTo(new LlmUsage(1, 10, 10, 2, 0, 0, 1));
        assertThat(client.drainUsage("run-1", Stage.FUNCTION_GENERATION)).isEqualTo(LlmUsage.ZERO);
        assertThat(client.drainUsage("run-2", Stage.JUDGE)).isEqualTo(new LlmUsage(1, 10, 5, 0, 0, 0, 1));
        assertThat(registry.get("autoif.llm.calls").tag("stage", "FUNCTION_GENERATION").tag("model", "gpt-test")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("autoif.llm.cache.hits").tag("stage", "FUNCTION_GENERATION").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("autoif.llm.tokens.completion").tag("stage", "JUDGE").counter().count())
                .isEqualTo(5.0);
    }

    @Test
    void concurrencyIsBoundedAtTheEndpoint() throws Exception {
        server.delay = Duration.ofMillis(150);
        LlmSettings s = settings(NSupport.FALSE);
        LlmClient client = client(new LlmSettings(s.baseUrl(), s.timeout(), 2, 0, 0, 0, s.initialBackoff(),
                s.maxBackoff(), NSupport.FALSE, true));
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<LlmResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int seed = i * 100;
                results.add(pool.submit(() -> client.complete(request(2, seed))));
            }
            for (Future<LlmResult> f : results) {
                assertThat(f.get().failures()).isZero();
            }
        }
        assertThat(server.calls()).isEqualTo(8);
        assertThat(server.maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void identicalRequestsInFlightAtOnceAreFetchedOnce() throws Exception {
        server.delay = Duration.ofMillis(300);
        LlmClient client = client(settings(NSupport.AUTO));
        List<LlmResult> results = new java.util.ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<LlmResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> client.complete(request(2, 7))));
            }
            futures.add(pool.submit(() -> client.complete(request(2, 8)))); // another request is not held back
            for (Future<LlmResult> f : futures) {
                results.add(f.get());
            }
        }
        // one request for seed 7 (the others waited and read its answers from the cache), one for seed 8
        assertThat(server.calls()).isEqualTo(2);
        assertThat(results.subList(0, 4)).allSatisfy(r -> assertThat(r.texts())
                .containsExactly(FakeOpenAi.text(7, 0), FakeOpenAi.text(7, 1)));
        assertThat(results.subList(0, 4).stream().mapToLong(r -> r.usage().calls()).sum()).isEqualTo(1);
        assertThat(results.subList(0, 4).stream().mapToLong(r -> r.usage().cacheHits()).sum()).isEqualTo(6);
        // those that started while the first was in flight waited for it (a late starter simply hits the cache)
        assertThat(registry.counter("autoif.llm.identical.requests.joined").count()).isBetween(1.0, 3.0);
    }

    @Test
    void aRequestWaitingOnAFailedOneFetchesForItself() throws Exception {
        server.delay = Duration.ofMillis(300);
        server.then(server.status(400, Map.of()));
        LlmClient client = client(settings(NSupport.FALSE));
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<LlmResult> first = pool.submit(() -> client.complete(request(1, 5)));
            Thread.sleep(100);
            Future<LlmResult> second = pool.submit(() -> client.complete(request(1, 5)));
            assertThat(catching(first)).isInstanceOf(LlmRejectedException.class);
            assertThat(second.get().texts()).containsExactly(FakeOpenAi.text(5, 0));
        }
        assertThat(server.calls()).isEqualTo(2);
    }

    private static Throwable catching(Future<?> f) throws InterruptedException {
        try {
            f.get();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }
}
