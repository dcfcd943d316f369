package dev.autoif.verifier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reward server over HTTP against CPython {@code exec} measured in the same run (issue 18's workload): 300
 * functions x 100 inputs sent as requests of 5 functions and 50 responses from 2 client threads; p50/p99 of a
 * 512-sample batch spread over 64 instructions; and a fixed bank of 1,000 functions called repeatedly. Needs a
 * running verifier-service ({@code -Dbench.url}); bench/run.sh starts one. Prints figures, asserts nothing.
 */
public final class HttpBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", "http://127.0.0.1:18082");
        int threads = Integer.getInteger("bench.clients", 2);
        List<String> fs = Workload.functions(Integer.getInteger("bench.functions", 300));
        List<String> in = Workload.inputs(Integer.getInteger("bench.inputs", 100), 7);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int f = 0; f < fs.size(); f += 5) {
            for (int r = 0; r < in.size(); r += 50) {
                requests.add(Map.of("functions", fs.subList(f, Math.min(fs.size(), f + 5)),
                        "responses", in.subList(r, Math.min(in.size(), r + 50))));
            }
        }
        // the machine is shared: CPython is measured right before each round, so both see the same load
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= Integer.getInteger("bench.rounds", 3); round++) {
            double cpython = SandboxBenchmark.cpython(fs, in);
            long start = System.nanoTime();
            long execs = send(url + "/verify", requests, threads, HttpBenchmark::verifyExecs);
            double rate = execs / ((System.nanoTime() - start) / 1e9);
            ratios.add(rate / cpython);
            System.out.printf("round %d: HTTP /verify (%d requests of 5 x 50, %d clients) %.0f exec/s, CPython exec "
                    + "%.0f exec/s: ratio %.3f%n", round, requests.size(), threads, rate, cpython, rate / cpython);
        }
        System.out.printf("RATIO HTTP/CPython: best %.3f, last %.3f (goal >= 0.5)%n",
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0), ratios.getLast());

        batchLatency(url, threads);
        fixedBank(url, threads);
    }

    /** 64 instructions x 8 samples = 512 samples per batch, as one native batch call (or 64 /verify calls). */
    static void batchLatency(String url, int threads) throws Exception {
        List<String> bank = Workload.functions(64 * 5);
        int batches = Integer.getInteger("bench.batches", 40);
        boolean nativeBatch = !Boolean.getBoolean("bench.verifyOnly");
        long[] nanos = new long[batches];
        for (int b = 0; b < batches; b++) {
            List<String> samples = Workload.inputs(512, 1000 + b);
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                items.add(Map.of("functions", bank.subList(i * 5, i * 5 + 5),
                        "responses", samples.subList(i * 8, i * 8 + 8)));
            }
            long start = System.nanoTime();
            if (nativeBatch) {
                send(url + "/verify/batch", List.of(Map.of("items", items)), 1, n -> 0);
            } else {
                send(url + "/verify", items, threads, HttpBenchmark::verifyExecs);
            }
            nanos[b] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("512 samples over 64 instructions x 5 functions (%s): p50 %.1f ms, p99 %.1f ms%n",
                nativeBatch ? "one POST /verify/batch" : "64 POST /verify from " + threads + " clients",
                nanos[batches / 2] / 1e6, nanos[Math.min(batches - 1, (int) Math.ceil(batches * 0.99) - 1)] / 1e6);
    }

    /** A fixed bank of 1,000 functions, 5 per request with 50 responses, called pass after pass. */
    static void fixedBank(String url, int threads) throws Exception {
        List<String> bank = Workload.functions(1000);
        List<String> in = Workload.inputs(50, 21);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int f = 0; f < bank.size(); f += 5) {
            requests.add(Map.of("functions", bank.subList(f, f + 5), "responses", in));
        }
        for (int pass = 1; pass <= Integer.getInteger("bench.bankPasses", 3); pass++) {
            double cpython = SandboxBenchmark.cpython(bank, in);
            long start = System.nanoTime();
            long execs = send(url + "/verify", requests, threads, HttpBenchmark::verifyExecs);
            double rate = execs / ((System.nanoTime() - start) / 1e9);
            System.out.printf("fixed bank of 1,000 functions x 50 responses, pass %d: %.0f exec/s, CPython %.0f "
                    + "exec/s: ratio %.3f%n", pass, rate, cpython, rate / cpython);
        }
    }

    private static long verifyExecs(JsonNode body) {
        long n = 0;
        for (JsonNode r : body.get("results")) {
            n += r.get("verdicts").size();
        }
        return n;
    }

    interface Count {
        long of(JsonNode body);
    }

    /** Sends every request from {@code threads} clients; the sum of what {@code count} says each answer holds. */
    static long send(String url, List<Map<String, Object>> requests, int threads, Count count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long n = 0;
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                        new HashMap<>(requests.get(i))))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
                        }
                        n += count.of(JSON.readTree(r.body()));
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpBenchmark() {
    }
}
