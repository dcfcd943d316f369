package dev.autoif.export.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.export.messaging.JudgedConsumer;
import dev.autoif.export.messaging.ProgressConsumer;
import dev.autoif.export.messaging.VerifiedResponsesConsumer;
import dev.autoif.export.persistence.AcceptedInstructionRow;
import dev.autoif.export.persistence.CasePairRow;
import dev.autoif.export.persistence.JudgedResponseRow;
import dev.autoif.export.persistence.VerifiedResponseRow;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.platform.progress.ProgressLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (no surefire pattern matches the names of its subclasses, so the normal build never runs it):
 * a paper-size run's rows (x0.05: 682 instructions, 87,296 verified responses, ~70,000 judged) stored, then every
 * export file downloaded over HTTP (MB/s, lines/s, CPU seconds of the service), and the consumers' ingest path
 * (records/s, CPU per record) measured on a share of such a run. Run on H2 (the local default, a file database as
 * deploy/local uses) and PostgreSQL:
 * <pre>./mvnw -B -pl export-service -am test -Dtest='PaperSizeBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dtest.jvm.args='-Xmx512m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED' [-Dbench.instructions=682]</pre>
 * (the JVM flags of deploy/local/run.sh's services; the build's test flags stop at C1). Figures go to stdout and are
 * appended to target/benchmark/paper-size.txt; nothing is asserted about speed.
 */
abstract class PaperSizeBenchmark {

    private static final int INSTRUCTIONS = Integer.getInteger("bench.instructions", 682);
    /** Instructions whose records go through the consumers (the rest is stored directly, to keep the run short). */
    private static final int INGESTED = Integer.getInteger("bench.ingest-instructions", 48);
    private static final int PROGRESS_DELTAS = Integer.getInteger("bench.progress-deltas", 6_000);
    private static final String[][] FILES = {
            {"sft_messages.jsonl", "sft?format=messages"},
            {"sft_alpaca.jsonl", "sft?format=alpaca"},
            {"sft_sharegpt.jsonl", "sft?format=sharegpt"},
            {"dpo_trl.jsonl", "dpo?format=trl"},
            {"dpo_trl_conversational.jsonl", "dpo?format=trl-conversational"},
            {"dpo_pairwise.jsonl", "dpo?format=llama-factory"},
            {"rlvr.jsonl", "rlvr"}};

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Inject
    EntityManager em;

    @Inject
    ProgressLedger ledger;

    @Inject
    JudgedConsumer judgedConsumer;

    @Inject
    VerifiedResponsesConsumer verifiedConsumer;

    @Inject
    ProgressConsumer progressConsumer;

    @TestHTTPResource("/")
    URL base;

    abstract String database();

    @Test
    void paperSizeRun() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%n== paper-size export benchmark on %s: %d instructions x %d"
                + " queries x %d responses; heap max %d MiB, %d cores, load average %.2f%n", database(),
                INSTRUCTIONS, PaperRun.QUERIES, PaperRun.RESPONSES, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage()));
        String run = "paper-" + UUID.randomUUID();
        long t0 = System.nanoTime();
        long[] stored = store(run);
        report.append(String.format(Locale.ROOT, "stored directly in %.1f s: %d judged (%d kept), %d verified,"
                + " %d case pairs%n", (System.nanoTime() - t0) / 1e9, stored[0], stored[1], stored[2], stored[3]));

        download(run, FILES[0][1], 2_000); // warm-up of the HTTP and query paths
        report.append(String.format(Locale.ROOT, "%-30s %9s %9s %9s %10s %10s %8s%n", "download", "lines", "MiB",
                "seconds", "MiB/s", "lines/s", "CPU s"));
        double totalSeconds = 0;
        double totalMiB = 0;
        for (String[] file : FILES) {
            Download d = download(run, file[1], Long.MAX_VALUE);
            totalSeconds += d.seconds;
            totalMiB += d.bytes / 1048576.0;
            report.append(String.format(Locale.ROOT, "%-30s %9d %9.1f %9.2f %10.2f %10.0f %8.1f%n", file[0],
                    d.lines, d.bytes / 1048576.0, d.seconds, d.bytes / 1048576.0 / d.seconds, d.lines / d.seconds,
                    d.cpuSeconds));
        }
        report.append(String.format(Locale.ROOT, "%-30s %9s %9.1f %9.2f %10.2f%n", "all files", "", totalMiB,
                totalSeconds, totalMiB / totalSeconds));

        ingest(report);
        report.append(String.format(Locale.ROOT, "load average after: %.2f%n", OS.getSystemLoadAverage()));
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "paper-size.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The run's rows straight into the tables, a few thousand per transaction. */
    private long[] store(String run) {
        long[] n = new long[4];
        int step = 16;
        for (int from = 0; from < INSTRUCTIONS; from += step) {
            int start = from;
            int end = Math.min(INSTRUCTIONS, from + step);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = start; i < end; i++) {
                    AcceptedInstructionRow a = new AcceptedInstructionRow();
                    a.runId = run;
                    a.instructionId = PaperRun.instructionId(i);
                    a.persist();
                    for (int p = 0; p < PaperRun.CASE_PAIRS; p++) {
                        CasePairRow c = new CasePairRow();
                        c.runId = run;
                        c.instructionId = PaperRun.instructionId(i);
                        c.pairIndex = p;
                        c.instruction = PaperRun.instruction(i);
                        c.chosen = PaperRun.chosenCase(i, p);
                        c.rejected = PaperRun.rejectedCase(i, p);
                        c.persist();
                        n[3]++;
                    }
                    for (int q = 0; q < PaperRun.QUERIES; q++) {
                        ResponseVerified v = PaperRun.verifiedRecord(run, i, q);
                        for (VerifiedResponse r : v.responses()) {
                            VerifiedResponseRow.of(v, r).persist();
                            n[2]++;
                        }
                        for (int r = 0; r < PaperRun.RESPONSES; r++) {
                            if (PaperRun.judged(i, q, r)) {
                                JudgedResponseRow.of(PaperRun.judgedRecord(run, i, q, r)).persist();
                                n[0]++;
                                n[1] += PaperRun.judgedRecord(run, i, q, r).kept() ? 1 : 0;
                            }
                        }
                    }
                }
                em.flush();
                em.clear();
            });
        }
        // what export's own progress deltas add up to, so the run-complete header is folded as in a real run
        ledger.add(new StageProgress(run, Stage.EXPORT, n[0], n[1], Map.of(), 0, 0, 0, false));
        return n;
    }

    private record Download(long bytes, long lines, double seconds, double cpuSeconds) {
    }

    private Download download(String run, String request, long maxLines) {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        long[] got = HttpDownload.count(URI.create(base + "runs/" + run + "/export/" + request), maxLines);
        return new Download(got[0], got[1], (System.nanoTime() - t0) / 1e9, (OS.getProcessCpuTime() - cpu0) / 1e9);
    }

    /**
     * The consumers' path on a share of a run: judgements and verified samples through their consumers' work (4
     * at once, as the export pool), then deltas of other stages through the progress consumer (in order). The
     * judged consumer's own EXPORT deltas go out through the outbox and the broker and come back to the progress
     * consumer; the figure "until own deltas folded" waits for that.
     */
    private void ingest(StringBuilder report) throws Exception {
        String run = "ingest-" + UUID.randomUUID();
        List<String> judged = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        for (int i = 0; i < INGESTED; i++) {
            for (int q = 0; q < PaperRun.QUERIES; q++) {
                ResponseVerified v = PaperRun.verifiedRecord(run, i, q);
                verified.add(EnvelopeCodec.encode(Envelope.of("verify:" + v.sampleId() + ":0", run,
                        MessageType.ResponseVerified, v)));
                for (int r = 0; r < PaperRun.RESPONSES; r++) {
                    if (PaperRun.judged(i, q, r)) {
                        ResponseJudged j = PaperRun.judgedRecord(run, i, q, r);
                        judged.add(EnvelopeCodec.encode(Envelope.of("judge:" + j.responseId(), run,
                                MessageType.ResponseJudged, j)));
                    }
                }
            }
        }
        List<String> progress = new ArrayList<>();
        for (int n = 0; n < PROGRESS_DELTAS; n++) {
            Stage stage = n % 2 == 0 ? Stage.JUDGE : Stage.RESPONSE_VERIFICATION;
            progress.add(EnvelopeCodec.encode(Envelope.of("progress:" + run + ":" + n, run, MessageType.StageProgress,
                    new StageProgress(run, stage, 1, n % 10 == 0 ? 0 : 1, n % 10 == 0 ? Map.of("failed", 1L)
                            : Map.of(), 1, 900, 300, false))));
        }
        report.append(String.format(Locale.ROOT, "%-34s %8s %9s %10s %14s %14s%n", "ingest", "records", "seconds",
                "records/s", "process CPU ms/rec", "worker CPU ms/rec"));

        long cpuBefore = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        report.append(ingestLine("responses.judged (consumer step)", judged, judgedConsumer::consume, 4));
        for (long waited = 0; exportIn(run) < judged.size() && waited < 600_000; waited += 50) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.append(String.format(Locale.ROOT, "%-34s %8d %9.2f %10.0f %14.3f%n", "  ... until own deltas folded",
                exportIn(run), seconds, judged.size() / seconds,
                (OS.getProcessCpuTime() - cpuBefore) / 1e6 / judged.size()));
        report.append(ingestLine("responses.verified (samples of 8)", verified, verifiedConsumer::consume, 4));
        report.append(ingestLine("runs.progress (other stages)", progress, progressConsumer::consume, 1));
    }

    private long exportIn(String run) {
        return ledger.funnel(run).stage(Stage.EXPORT).itemsIn();
    }

    private static String ingestLine(String name, List<String> records, Consumer<String> consume, int threads)
            throws Exception {
        LongAdder workerCpu = new LongAdder();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (String json : records) {
                done.add(pool.submit(() -> {
                    long c = THREADS.getCurrentThreadCpuTime();
                    consume.accept(json);
                    workerCpu.add(THREADS.getCurrentThreadCpuTime() - c);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "%-34s %8d %9.2f %10.0f %14.3f %14.3f%n", name, records.size(), seconds,
                records.size() / seconds, (OS.getProcessCpuTime() - cpu0) / 1e6 / records.size(),
                workerCpu.sum() / 1e6 / records.size());
    }
}
