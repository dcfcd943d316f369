package dev.autoif.export.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.export.domain.PromptForm;
import dev.autoif.export.domain.SftFormat;
import dev.autoif.export.persistence.JudgedResponseRow;
import dev.autoif.platform.progress.ProgressLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the name matches no surefire pattern, so the normal build never runs it. Run it with
 * <pre>./mvnw -B -pl export-service -am test -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dbench.rows=100000]</pre>
 * It stores {@code bench.rows} kept judgements (and export's progress totals) in PostgreSQL, then downloads the SFT export over HTTP (the real
 * endpoint: keyset pages, streamed JSONL) and, as the baseline in the same run, does what a naive export would (load
 * every row, build the whole file in memory). It prints time, bytes, throughput and peak heap of both and their
 * ratio, and writes them to target/benchmark/export.txt. Nothing is asserted about speed.
 */
@QuarkusTest
class ExportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final String FILLER = ("All words are lowercase and the answer keeps to the constraint it was"
            + " given, sentence after sentence, so that the sample is about as long as a real one. ").repeat(6);

    @Inject
    EntityManager em;

    @Inject
    ProgressLedger totals;

    @TestHTTPResource("/")
    URL base;

    @Test
    void streamedExportVersusLoadingEverything() throws Exception {
        String run = "bench-" + UUID.randomUUID();
        long seedStart = System.nanoTime();
        seed(run, ROWS);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        stream(run, 1_000); // warm-up of the HTTP and query paths
        Result streamed = measure(() -> stream(run, Long.MAX_VALUE));
        Result loaded = measure(() -> loadAll(run));
        assertThat(streamed.lines).as("every stored sample exported").isEqualTo(ROWS);
        assertThat(loaded.bytes).as("both produce the same file").isEqualTo(streamed.bytes);

        String report = String.format(Locale.ROOT, """
                export benchmark: %d kept samples, messages format, heap max %d MiB (seeded in %.1f s)
                %-28s %10s %12s %10s %16s %16s
                %s
                %s
                ratio streamed/loaded: time %.2f, peak live heap %.3f, peak heap incl. garbage %.3f
                """, ROWS, Runtime.getRuntime().maxMemory() >> 20, seedSeconds,
                "approach", "seconds", "MiB written", "MiB/s", "peak live MiB", "peak used MiB",
                streamed.line("streamed (HTTP, keyset pages)"), loaded.line("baseline (load all, buffer)"),
                streamed.seconds / loaded.seconds, (double) streamed.liveDelta() / Math.max(1, loaded.liveDelta()),
                (double) streamed.usedDelta() / Math.max(1, loaded.usedDelta()));
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "export.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void seed(String run, int rows) {
        int batch = 2_000;
        for (int from = 0; from < rows; from += batch) {
            int start = from;
            int end = Math.min(rows, from + batch);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int n = start; n < end; n++) {
                    JudgedResponseRow r = new JudgedResponseRow();
                    r.runId = run;
                    r.responseId = String.format("r%07d", n);
                    r.sampleId = "s" + n / 2;
                    r.instructionId = String.format("i%05d", n / 64);
                    r.queryId = String.format("q%03d", (n / 2) % 32);
                    r.instruction = "Answer in lowercase letters only, constraint " + n / 64 + ".";
                    r.query = "Explain topic number " + (n / 2) % 32 + " to a curious reader.";
                    r.prompt = r.query + "\n\n" + r.instruction;
                    r.response = "answer " + n + ": " + FILLER;
                    r.passRate = 1.0;
                    r.score = 9.0;
                    r.analysis = "follows the constraint";
                    r.status = "SCORED";
                    r.kept = true;
                    em.persist(r);
                }
                em.flush();
                em.clear();
            });
        }
        // what export's own progress deltas add up to; the run-complete header is folded from these totals
        totals.add(new StageProgress(run, Stage.EXPORT, rows, rows, Map.of(), 0, 0, 0, false));
    }

    private long[] stream(String run, long maxLines) {
        return HttpDownload.count(URI.create(base.toString() + "runs/" + run + "/export/sft?format=messages"), maxLines);
    }

    /** The naive export: every row in one query, the whole file in memory, then written. */
    private long[] loadAll(String run) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<JudgedResponseRow> rows = JudgedResponseRow.list("runId = ?1 order by instructionId, queryId,"
                    + " responseId", run);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (JudgedResponseRow r : rows) {
                if (r.kept) {
                    // the endpoint's default prompt form (natural: the query, then the instruction as a sentence)
                    file.write(EnvelopeCodec.mapper().writeValueAsBytes(SftFormat.MESSAGES.line(
                            PromptForm.NATURAL.of(r.instruction, r.query, r.prompt), r.response)));
                    file.write('\n');
                }
            }
            byte[] bytes = file.toByteArray();
            long lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            return new long[] {bytes.length, lines};
        });
    }

    private static Result measure(java.util.function.Supplier<long[]> work) {
        try (HeapWatch heap = new HeapWatch()) {
            long t0 = System.nanoTime();
            long[] r = work.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(seconds, r[0], r[1], heap.baseline, heap.peakLive(), heap.peakUsed());
        }
    }

    private record Result(double seconds, long bytes, long lines, long baseline, long peakLive, long peakUsed) {

        long liveDelta() {
            return Math.max(0, peakLive - baseline);
        }

        long usedDelta() {
            return Math.max(0, peakUsed - baseline);
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-28s %10.2f %12.1f %10.1f %16.1f %16.1f", name, seconds,
                    bytes / 1048576.0, bytes / 1048576.0 / seconds, liveDelta() / 1048576.0,
                    usedDelta() / 1048576.0);
        }
    }
}
