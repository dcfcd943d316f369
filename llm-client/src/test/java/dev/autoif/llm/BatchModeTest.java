package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.batch.BatchSettings;
import dev.autoif.llm.batch.BatchStore;
import dev.autoif.llm.batch.Batcher;
import dev.autoif.llm.batch.InMemoryBatchStore;
import dev.autoif.llm.batch.PendingBatch;
import dev.autoif.llm.cache.InMemoryCompletionStore;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.http.OpenAiBatchHttp;
import dev.autoif.llm.http.OpenAiHttpTransport;
import dev.autoif.llm.limit.Sleeper;
import dev.autoif.llm.price.ModelPrice;
import dev.autoif.llmsim.LlmSimulator;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.llmsim.Stats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch mode against the LLM simulator's Batch API: same answers as online, crash-safe, failures retried. */
class BatchModeTest {

    private static final long SEED = 7;
    private static final String MODEL = "gpt-4o-mini";

    private LlmSimulator sim;
    private LlmSimulator twin;
    private final InMemoryCompletionStore cache = new InMemoryCompletionStore();
    private final InMemoryBatchStore batches = new InMemoryBatchStore();
    private final List<LlmClient> clients = new ArrayList<>();
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() {
        sim = LlmSimulator.start(SimulatorOptions.defaults().withSeed(SEED));
        sim.settings().batchCompletionDelayMillis(50);
        // The same seed at another address: the same answers under other cache keys, for the online run.
        twin = LlmSimulator.start(SimulatorOptions.defaults().withSeed(SEED));
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        clients.forEach(LlmClient::close);
        sim.close();
        twin.close();
    }

    private LlmClient client(LlmSimulator at, boolean batchMode) {
        return client(at, batchMode, batches);
    }

    private LlmClient client(LlmSimulator at, boolean batchMode, BatchStore store) {
        LlmSettings s = new LlmSettings(at.baseUrl(), Duration.ofSeconds(10), 8, 0, 0, 2, Duration.ofMillis(10),
                Duration.ofMillis(50), NSupport.AUTO, true, false,
                new BatchSettings(100, Duration.ofMillis(100), Duration.ofMillis(20)));
        ApiKey key = ApiKey.of("sk-sim");
        Clock clock = Clock.systemUTC();
        LlmClient c = new LlmClient(s, new OpenAiHttpTransport(s.baseUrl(), key, s.timeout(), clock), cache, registry,
                Sleeper.REAL, clock, System::nanoTime);
        if (batchMode) {
            c.enableBatches(new OpenAiBatchHttp(s.baseUrl(), key, s.timeout()), store);
        }
        clients.add(c);
        return c;
    }

    private static LlmRequest request(int i, int n, LlmMode mode) {
        return new LlmRequest("run-b", Stage.JUDGE, MODEL, List.of(ChatMessage.user("Rate answer number " + i
                + " of the volcano question.")), 0.7, null, n, 100 + i, mode);
    }

    private static List<LlmResult> completeAll(LlmClient c, List<LlmRequest> requests) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LlmResult>> fs = new ArrayList<>();
            for (LlmRequest r : requests) {
                fs.add(pool.submit(() -> c.complete(r)));
            }
            List<LlmResult> out = new ArrayList<>();
            for (Future<LlmResult> f : fs) {
                out.add(f.get());
            }
            return out;
        }
    }

    private static LlmUsage total(List<LlmResult> results) {
        return results.stream().map(LlmResult::usage).reduce(LlmUsage.ZERO, LlmUsage::plus);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 2000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void batchAnswersEqualOnlineAnswersAtHalfThePrice() throws Exception {
        List<LlmRequest> batched = new ArrayList<>();
        List<LlmRequest> online = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batched.add(request(i, 1, LlmMode.BATCH));
            online.add(request(i, 1, LlmMode.ONLINE));
        }
        LlmClient batchClient = client(sim, true);
        List<LlmResult> viaBatch = completeAll(batchClient, batched);
        List<LlmResult> viaOnline = completeAll(client(twin, false), online);

        for (int i = 0; i < 8; i++) {
            assertThat(viaBatch.get(i).texts()).isEqualTo(viaOnline.get(i).texts()).isNotEmpty();
        }
        Stats.Snapshot s = sim.stats().snapshot();
        assertThat(s.batch().lines()).isEqualTo(8);
        assertThat(s.batch().batches()).isEqualTo(s.batch().files()).isBetween(1L, 8L);
        assertThat(s.total().requests()).as("only the batch lines were answered").isEqualTo(8);
        assertThat(twin.stats().snapshot().batch().batches()).isZero();
        assertThat(batchClient.batchCounts().orElseThrow().lines()).isEqualTo(8);

        LlmUsage b = total(viaBatch);
        LlmUsage o = total(viaOnline);
        assertThat(b.calls()).isEqualTo(o.calls()).isEqualTo(8);
        assertThat(b.promptTokens()).isEqualTo(o.promptTokens());
        assertThat(b.completionTokens()).isEqualTo(o.completionTokens());
        ModelPrice price = batchClient.prices().price(MODEL).orElseThrow();
        assertThat(b.costMicroUsd()).isCloseTo(price.microUsd(b.promptTokens(), 0, b.completionTokens(), true),
                org.assertj.core.data.Offset.offset(8L));
        assertThat(o.costMicroUsd()).isCloseTo(price.microUsd(o.promptTokens(), 0, o.completionTokens(), false),
                org.assertj.core.data.Offset.offset(8L));
        assertThat(b.costMicroUsd() * 2).isCloseTo(o.costMicroUsd(), org.assertj.core.data.Offset.offset(16L));
        System.out.printf("batch vs online, 8 requests: calls %d vs %d, %d+%d tokens, %d vs %d micro-USD, "
                + "simulator: %d batch(es), %d lines, %d file(s)%n", b.calls(), o.calls(), b.promptTokens(),
                b.completionTokens(), b.costMicroUsd(), o.costMicroUsd(), s.batch().batches(), s.batch().lines(),
                s.batch().files());

        // Asked again: from the cache, nothing more sent.
        LlmResult again = batchClient.complete(batched.getFirst());
        assertThat(again.usage().cacheHits()).isEqualTo(1);
        assertThat(sim.stats().snapshot().batch().batches()).isEqualTo(s.batch().batches());
    }

    @Test
    void aRestartedClientResumesItsBatchWithoutSubmittingAgain() throws Exception {
        sim.settings().batchCompletionDelayMillis(1_500);
        LlmRequest r = request(1, 3, LlmMode.BATCH);
        LlmClient first = client(sim, true);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LlmResult> waiting = pool.submit(() -> first.complete(r));
            await(() -> sim.stats().snapshot().batch().batches() == 1, "the batch was created");
            await(() -> batches.pending(sim.baseUrl()).stream().allMatch(b -> b.batchId() != null),
                    "the batch id is saved");
            first.close(); // the crash: the service stops while its batch is in progress
            assertThatThrownBy(waiting::get).hasCauseInstanceOf(LlmException.class);
        }
        assertThat(batches.pending(sim.baseUrl())).hasSize(1);

        LlmClient restarted = client(sim, true);
        LlmResult result = restarted.complete(r);

        Stats.Snapshot s = sim.stats().snapshot();
        Batcher.Counts counts = restarted.batchCounts().orElseThrow();
        System.out.printf("resume: simulator %d file(s), %d batch(es), %d lines, %d requests answered; restarted "
                + "client: %d resumed, %d joined, %d created%n", s.batch().files(), s.batch().batches(),
                s.batch().lines(), s.total().requests(), counts.resumed(), counts.joined(), counts.batches());
        assertThat(s.batch()).isEqualTo(new Stats.BatchCounters(1, 1, 3));
        assertThat(s.total().requests()).as("no online call either").isEqualTo(3);
        assertThat(counts.resumed()).isEqualTo(1);
        assertThat(counts.joined()).isEqualTo(3);
        assertThat(counts.batches()).isZero();
        assertThat(batches.pending(sim.baseUrl())).isEmpty();
        assertThat(cache.size()).isEqualTo(3);
        assertThat(result.texts()).isEqualTo(client(twin, false).complete(r.withMode(LlmMode.ONLINE)).texts());
    }

    @Test
    void aBatchCreatedJustBeforeTheCrashIsFoundByItsTagAndNotSentAgain() throws Exception {
        sim.settings().batchCompletionDelayMillis(1_500);
        // the crash falls between creating the batch and saving its provider id: the id is never saved
        BatchStore idNeverSaved = new BatchStore() {
            @Override
            public void save(PendingBatch batch) {
                batches.save(batch);
            }

            @Override
            public void submitted(String localId, String batchId) {
                throw new IllegalStateException("the service died before it saved " + batchId);
            }

            @Override
            public void remove(String localId) {
                batches.remove(localId);
            }

            @Override
            public List<PendingBatch> pending(String endpoint) {
                return batches.pending(endpoint);
            }
        };
        LlmRequest r = request(2, 3, LlmMode.BATCH);
        LlmClient first = client(sim, true, idNeverSaved);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LlmResult> waiting = pool.submit(() -> first.complete(r));
            await(() -> sim.stats().snapshot().batch().batches() == 1, "the batch was created");
            first.close();
            assertThatThrownBy(waiting::get).hasCauseInstanceOf(LlmException.class);
        }
        assertThat(batches.pending(sim.baseUrl())).singleElement()
                .satisfies(b -> assertThat(b.batchId()).as("provider id saved").isNull());

        LlmClient restarted = client(sim, true);
        LlmResult result = restarted.complete(r);

        Batcher.Counts counts = restarted.batchCounts().orElseThrow();
        assertThat(sim.stats().snapshot().batch()).as("files, batches, lines at the provider")
                .isEqualTo(new Stats.BatchCounters(1, 1, 3));
        assertThat(counts.adopted()).as("found by its tag").isEqualTo(1);
        assertThat(counts.batches()).as("batches created after the restart").isZero();
        assertThat(batches.pending(sim.baseUrl())).isEmpty();
        assertThat(result.texts()).isEqualTo(client(twin, false).complete(r.withMode(LlmMode.ONLINE)).texts());
    }

    @Test
    void anExpiredBatchsRequestsAreRetriedOnlineAndCounted() throws Exception {
        sim.settings().batchCompletionDelayMillis(200).batchWindowMillis(30);
        List<LlmRequest> rs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rs.add(request(i, 1, LlmMode.BATCH));
        }
        LlmClient c = client(sim, true);
        List<LlmResult> results = completeAll(c, rs);

        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).texts())
                    .isEqualTo(client(twin, false).complete(rs.get(i).withMode(LlmMode.ONLINE)).texts());
        }
        Stats.Snapshot s = sim.stats().snapshot();
        assertThat(s.batch().lines()).isEqualTo(4);
        assertThat(s.total().requests()).as("the online retries").isEqualTo(4);
        assertThat(c.batchCounts().orElseThrow().failedLines()).isEqualTo(4);
        assertThat(registry.counter("autoif.llm.batch.lines.retried", "stage", "JUDGE", "model", MODEL).count())
                .isEqualTo(4);
        assertThat(batches.pending(sim.baseUrl())).isEmpty();
    }

    @Test
    void faultedLinesFromTheErrorFileAreRetriedOnline() throws Exception {
        sim.settings().fault(dev.autoif.llmsim.Fault.HTTP_500, 0.5);
        List<LlmRequest> rs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rs.add(request(i, 1, LlmMode.BATCH));
        }
        LlmClient c = client(sim, true);
        List<LlmResult> results = completeAll(c, rs);

        long failed = c.batchCounts().orElseThrow().failedLines();
        assertThat(failed).as("some lines drew the fault").isPositive();
        assertThat(results).allSatisfy(r -> assertThat(r.choices().getFirst().isOk()).isTrue());
        twin.settings().fault(dev.autoif.llmsim.Fault.HTTP_500, 0.0);
        for (int i = 0; i < 10; i++) {
            assertThat(results.get(i).texts())
                    .isEqualTo(client(twin, false).complete(rs.get(i).withMode(LlmMode.ONLINE)).texts());
        }
    }

    @Test
    void onlineRequestsOfABatchEnabledClientStayOnline() {
        LlmClient c = client(sim, true);
        LlmResult r = c.complete(request(3, 2, LlmMode.ONLINE));
        assertThat(r.texts()).hasSize(2);
        assertThat(sim.stats().snapshot().batch().batches()).isZero();
        assertThat(sim.stats().snapshot().total().requests()).isEqualTo(1);
    }
}
