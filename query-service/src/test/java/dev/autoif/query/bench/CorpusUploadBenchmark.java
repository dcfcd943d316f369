package dev.autoif.query.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Uploads a generated JSONL corpus (1,000,000 lines by default, {@code -Dbench.lines=N}) through the real
 * {@code POST /corpora} endpoint into PostgreSQL and prints time and heap figures against the file size, next to a
 * baseline measured in the same run: holding the same file in memory as a list of lines, as a buffered upload
 * would. Not a test (its name keeps surefire from picking it up); run it with the command in the README.
 */
@QuarkusTest
class CorpusUploadBenchmark {

    private static final String[] TOPICS = {"sort a list in Python", "write a cover letter", "plan a trip to Rome",
        "fix a leaking tap", "learn the guitar", "explain compound interest", "bake sourdough bread",
        "train a puppy", "prepare for an interview", "solve a quadratic equation"};

    @Test
    void uploadAMillionLines() throws IOException {
        int lines = Integer.getInteger("bench.lines", 1_000_000);
        Path file = Files.createTempFile("corpus-bench-", ".jsonl");
        try {
            generate(file, lines);
            long size = Files.size(file);
            String id = "bench-" + System.nanoTime();

            long t0 = System.nanoTime();
            String report;
            long peak;
            long live;
            long base;
            long gcs;
            try (HeapWatch heap = new HeapWatch()) {
                report = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 3_600_000))).contentType("application/x-ndjson").body(file.toFile()).queryParam("id", id)
                        .when().post("/corpora").then().statusCode(201).extract().asString();
                peak = heap.peakUsed();
                live = heap.maxLiveAfterGc();
                base = heap.baseline();
                gcs = heap.collections();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;

            long naivePeak = -1;
            long naiveLive = -1;
            long naiveBase = 0;
            int held = 0;
            try (HeapWatch heap = new HeapWatch()) {
                List<String> all = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                held = all.size();
                System.gc();
                naivePeak = heap.peakUsed();
                naiveLive = Math.max(heap.maxLiveAfterGc(), HeapWatch.heapUsed());
                naiveBase = heap.baseline();
                all.clear();
            } catch (OutOfMemoryError e) {
                // the point of the baseline: with a small heap, holding the file does not fit at all
                System.gc();
            }

            System.out.println("=== corpus upload benchmark ===");
            System.out.printf(Locale.ROOT, "file: %,d lines, %.1f MiB; max heap %.0f MiB%n", lines, mib(size),
                    mib(Runtime.getRuntime().maxMemory()));
            System.out.printf(Locale.ROOT, "upload report: %s%n", report);
            System.out.printf(Locale.ROOT, "streamed upload: %.1f s, %.0f lines/s%n", seconds, lines / seconds);
            System.out.printf(Locale.ROOT, "streamed upload: heap before %.1f MiB, peak used %.1f MiB, "
                    + "max live after GC %.1f MiB (%d collections)%n", mib(base), mib(peak), mib(live), gcs);
            System.out.printf(Locale.ROOT, "streamed upload: live heap growth %.1f MiB = %.2f x file size%n",
                    mib(live - base), (double) (live - base) / size);
            if (naiveLive < 0) {
                System.out.println("baseline (file held as lines): OutOfMemoryError, it does not fit in this heap");
            } else {
                System.out.printf(Locale.ROOT, "baseline (file held as %,d lines): live heap growth %.1f MiB = %.2f x "
                        + "file size, peak used %.1f MiB%n", held, mib(naiveLive - naiveBase),
                        (double) (naiveLive - naiveBase) / size, mib(naivePeak));
                System.out.printf(Locale.ROOT, "ratio live growth streamed / held: %.3f%n",
                        (double) (live - base) / Math.max(1, naiveLive - naiveBase));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Distinct everyday-looking queries; every 100,000th line is broken JSON to exercise the malformed path. */
    private static void generate(Path file, int lines) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= lines; i++) {
                if (i % 100_000 == 0) {
                    w.write("{\"query\": \"broken line " + i + "\n");
                    continue;
                }
                String q = "Question " + i + ": how do I " + TOPICS[i % TOPICS.length] + " when I only have "
                        + (i % 97) + " minutes and " + (i % 13) + " euros?";
                w.write(mapper.writeValueAsString(java.util.Map.of("query", q)));
                w.write('\n');
            }
        }
    }
}
