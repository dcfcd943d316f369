package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Stage;
import dev.autoif.llm.cache.CacheKey;
import dev.autoif.llm.cache.CachedCompletion;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.quarkus.LlmCompletion;
import dev.autoif.llm.quarkus.PanacheCompletionStore;
import dev.autoif.testinfra.PostgresResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The persistent cache on real PostgreSQL, through the client the application gets injected. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class PanacheCacheTest {

    @Inject
    LlmClient client;

    @Inject
    PanacheCompletionStore store;

    private static LlmRequest request(String user) {
        return new LlmRequest("run-pg", Stage.SELF_INSTRUCT, "gpt-test",
                List.of(ChatMessage.system("You invent instructions."), ChatMessage.user(user)), 1.0, 128, 3, 11);
    }

    @Test
    void repeatedRequestMakesZeroHttpCallsAndRowsAreTheAuditLog() {
        FakeOpenAi server = FakeOpenAiResource.server;
        int before = server.calls();

        LlmResult first = client.complete(request("Give me three instructions."));
        assertThat(server.calls() - before).isEqualTo(1);

        LlmResult again = client.complete(request("Give me three instructions."));
        assertThat(server.calls() - before).isEqualTo(1);
        assertThat(again.texts()).isEqualTo(first.texts());
        assertThat(again.usage()).isEqualTo(new LlmUsage(0, 0, 0, 3));

        List<LlmCompletion> rows = QuarkusTransaction.requiringNew()
                .call(() -> LlmCompletion.<LlmCompletion>list("runId = ?1 order by completion", "run-pg"));
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.completion).containsExactlyElementsOf(first.texts());
        LlmCompletion row = rows.getFirst();
        assertThat(row.stage).isEqualTo(Stage.SELF_INSTRUCT);
        assertThat(row.model).isEqualTo("gpt-test");
        assertThat(row.prompt).contains("Give me three instructions.").startsWith("[{\"role\":\"system\"");
        assertThat(row.completionTokens).isEqualTo(5); // 15 completion tokens shared by 3 choices
        assertThat(row.createdAt).isNotNull();
    }

    @Test
    void aRestartedClientFindsThePaidCompletionsInTheDatabase() {
        FakeOpenAi server = FakeOpenAiResource.server;
        client.complete(request("Survive a restart."));
        int before = server.calls();

        // A new client (empty memory, as after a restart) over the same table.
        LlmClient restarted = LlmClient.create(client.settings(), ApiKey.of("unused"), store,
                new SimpleMeterRegistry());
        LlmResult r = restarted.complete(request("Survive a restart.").withN(4));

        assertThat(server.calls() - before).isEqualTo(1); // only sample 3 was missing
        assertThat(server.requests.getLast().has("n")).isFalse();
        assertThat(r.usage().cacheHits()).isEqualTo(3);
    }

    @Test
    void concurrentIdenticalWritesStoreOneRowAndNobodyFails() throws Exception {
        String key = CacheKey.of("http://127.0.0.1/v1", "gpt-test", List.of(ChatMessage.user("race")), 0.0, 1, 1,
                0);
        CachedCompletion c = new CachedCompletion(key, "gpt-test", "run-race", Stage.JUDGE, "[]", "same answer", 1, 1,
                Instant.now());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return store.putIfAbsent(c);
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<Boolean> f : results) {
                stored += f.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> LlmCompletion.count("runId", "run-race"));
        assertThat(rows).isEqualTo(1);
        assertThat(store.findAll(List.of(key)).get(key).completion()).isEqualTo("same answer");
    }
    @Test
    void theSamplesOfOneRequestAreStoredTogetherAndAKeyAlreadyThereCostsOnlyItself() {
        List<CachedCompletion> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = CacheKey.of("http://127.0.0.1/v1", "gpt-test", List.of(ChatMessage.user("batch")), 1.0, 64,
                    3, i);
            batch.add(new CachedCompletion(key, "gpt-test", "run-batch", Stage.QUERY_SAMPLING, "[]", "answer " + i, 4,
                    2, Instant.now()));
        }
        // sample 2 was stored meanwhile by someone else, with another answer: that one stays
        CachedCompletion other = new CachedCompletion(batch.get(2).keyHash(), "gpt-test", "run-batch",
                Stage.QUERY_SAMPLING, "[]", "stored first", 4, 2, Instant.now());
        assertThat(store.putIfAbsent(other)).isTrue();

        assertThat(store.putAllIfAbsent(batch)).as("the three missing ones").isEqualTo(3);
        assertThat(store.putAllIfAbsent(batch)).as("all there").isZero();

        var found = store.findAll(batch.stream().map(CachedCompletion::keyHash).toList());
        assertThat(batch).allSatisfy(c -> assertThat(found).containsKey(c.keyHash()));
        assertThat(found.get(batch.get(2).keyHash()).completion()).isEqualTo("stored first");
        assertThat(found.get(batch.get(3).keyHash()).completion()).isEqualTo("answer 3");
        long rows = QuarkusTransaction.requiringNew().call(() -> LlmCompletion.count("runId", "run-batch"));
        assertThat(rows).isEqualTo(4);
    }
}
