package dev.autoif.llm.bench;

import dev.autoif.contracts.Stage;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmException;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.LlmSettings;
import dev.autoif.llm.NSupport;
import dev.autoif.llm.cache.InMemoryCompletionStore;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llmsim.Latency;
import dev.autoif.llmsim.LlmSimulator;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.llmsim.Stats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Four services sharing one API key under a provider limit: four independent {@link LlmClient}s (max-concurrency 8
 * each, no static RPM) call the simulator, which allows 600 requests a minute per key at 50 ms a request, for a
 * minute after a warm-up in which the initial full bucket is spent and the clients settle. Once with the adaptive limiter, once without it
 * (the baseline), in the same run. Prints figures, asserts nothing. Run with {@code llm-client/bench/run.sh};
 * {@code -Dbench.clients=4 -Dbench.rpm=600 -Dbench.seconds=60 -Dbench.warmup=30 -Dbench.latency=fixed:50
 * -Dbench.callers=16} change the set-up.
 */
public final class SharedKeyBenchmark {

    private static final String KEY = "sk-bench-shared-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @param budgetBefore,budgetAfter the key's remaining requests when the measured minute began and ended */
    private record Figures(long sent, long refused, long admitted, long completed, long failed, long delayed,
            long peakInFlight, double seconds, long rpm, long budgetBefore, long budgetAfter) {

        double refusedShare() {
            return sent == 0 ? 0 : (double) refused / sent;
        }

        double ofLimit() {
            return admitted / (rpm * seconds / 60.0);
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 4);
        long rpm = Long.getLong("bench.rpm", 600);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 30);
        int callers = Integer.getInteger("bench.callers", 16);
        String latency = System.getProperty("bench.latency", "fixed:50");
        System.out.printf("%d clients (max-concurrency 8, no static RPM, %d callers each) sharing one key; simulator"
                + " %d RPM per key, latency %s; %d s warm-up, %d s measured%n", clients, callers, rpm, latency,
                warmup, seconds);
        try (LlmSimulator sim = LlmSimulator.start(SimulatorOptions.defaults().withSeed(1))) {
            sim.settings().perfectModel().latency(Latency.parse(latency));
            Figures adaptive = run(sim, true, clients, callers, rpm, warmup, seconds);
            print("adaptive", adaptive);
            Figures baseline = run(sim, false, clients, callers, rpm, warmup, seconds);
            print("baseline (adaptive off)", baseline);
            System.out.printf("RESULT 429 share: adaptive %.2f%% vs baseline %.2f%% (goal < 2%%); achieved rate:"
                    + " adaptive %.2f vs baseline %.2f of the limit (goal >= 0.8)%n", 100 * adaptive.refusedShare(),
                    100 * baseline.refusedShare(), adaptive.ofLimit(), baseline.ofLimit());
        }
    }

    private static void print(String name, Figures f) {
        System.out.printf("%-24s sent %6d requests (%.1f/s), 429 %6d = %5.2f%%, admitted %5d = %.2f of the limit,"
                + " completions %5d, failed %d, held back by the adaptive limiter %d, peak in flight %d, key's"
                + " remaining budget %d -> %d%n", name, f.sent, f.sent / f.seconds, f.refused, 100 * f.refusedShare(),
                f.admitted, f.ofLimit(), f.completed, f.failed, f.delayed, f.peakInFlight, f.budgetBefore,
                f.budgetAfter);
    }

    private static Figures run(LlmSimulator sim, boolean adaptive, int clients, int callers, long rpm, int warmup,
            int seconds) throws Exception {
        sim.settings().rateLimits(rpm, 0); // a new setting: the key starts with a full bucket
        sim.resetStats();
        List<SimpleMeterRegistry> registries = new ArrayList<>();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < clients; c++) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            registries.add(registry);
            LlmSettings settings = new LlmSettings(sim.baseUrl(), Duration.ofSeconds(30), 8, 0, 0, 5,
                    Duration.ofMillis(500), Duration.ofSeconds(30), NSupport.TRUE, false, adaptive);
            LlmClient client = LlmClient.create(settings, ApiKey.of(KEY), new InMemoryCompletionStore(), registry);
            for (int w = 0; w < callers; w++) {
                String caller = (adaptive ? "a" : "b") + c + "-" + w;
                pool.submit(() -> call(client, caller, stop, measuring, completed, failed));
            }
        }
        Thread.sleep(warmup * 1000L);
        double delayedBefore = delayed(registries);
        long budgetBefore = remainingBudget(sim);
        sim.resetStats();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Stats.Counters total = sim.stats().snapshot().total();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long budgetAfter = remainingBudget(sim);
        measuring.set(false);
        stop.set(true);
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        return new Figures(total.requests(), total.rateLimited(), total.requests() - total.rateLimited(),
                completed.get(), failed.get(), Math.round(delayed(registries) - delayedBefore), total.peakInFlight(),
                elapsed, rpm, budgetBefore, budgetAfter);
    }

    /** The key's remaining requests, from the headers of one request (which costs one, when admitted). */
    private static long remainingBudget(LlmSimulator sim) throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"probe\"}]}"))
                .build();
        HttpResponse<Void> r = HTTP.send(probe, HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValue("x-ratelimit-remaining-requests").map(Long::parseLong).orElse(-1L);
    }

    private static void call(LlmClient client, String caller, AtomicBoolean stop, AtomicBoolean measuring,
            AtomicLong completed, AtomicLong failed) {
        for (long i = 0; !stop.get(); i++) {
            LlmRequest request = LlmRequest.of("bench", Stage.JUDGE, "gpt-4o-mini", "You are terse.",
                    "Say something about request " + caller + "/" + i + ".").withMaxTokens(64);
            boolean ok;
            try {
                client.complete(request);
                ok = true;
            } catch (LlmException e) {
                ok = false; // retries exhausted, or interrupted at the end
            }
            if (measuring.get()) {
                (ok ? completed : failed).incrementAndGet();
            }
        }
    }

    private static double delayed(List<SimpleMeterRegistry> registries) {
        return registries.stream().flatMap(r -> r.find("autoif.llm.adaptive.delayed").counters().stream())
                .mapToDouble(Counter::count).sum();
    }
}
