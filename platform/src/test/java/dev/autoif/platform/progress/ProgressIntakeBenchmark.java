package dev.autoif.platform.progress;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What folding a progress delta costs, through the consumer step on PostgreSQL: as the previous release did it (one
 * record at a time, each delta stored as a row, looked up first, then added to its stage's totals) against now (8 at
 * once as the progress pools run, commits grouped, the sums alone). Not part of the build (a benchmark prints, it
 * asserts nothing about speed); run it with
 * <pre>./mvnw -B -pl platform -am test -Dtest=ProgressIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Prints wall time and this process's CPU time per delta (PostgreSQL's own CPU is not counted), two rounds each,
 * alternating, and the ratios.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class ProgressIntakeBenchmark {

    static final int DELTAS = Integer.getInteger("bench.deltas", 3000);

    @Inject
    ProgressLedger ledger;

    @Inject
    ConsumerStep step;

    /** The previous release's work: the delta stored as a row (found first), then added; one at a time. */
    static final class StoredOneByOne implements StepWork<StageProgress> {
        private final ProgressIntake intake;
        private final ProgressLedger ledger;

        StoredOneByOne(String name, ProgressLedger ledger) {
            this.intake = new ProgressIntake(name, ledger);
            this.ledger = ledger;
        }

        @Override
        public String name() {
            return intake.name();
        }

        @Override
        public MessageType input() {
            return intake.input();
        }

        @Override
        public StageProgress validate(Envelope<StageProgress> e) {
            return intake.validate(e);
        }

        @Override
        public String runId(StageProgress p) {
            return p.runId();
        }

        @Override
        public boolean needsRunSpec() {
            return false;
        }

        @Override
        public StepOutcome process(Envelope<StageProgress> in, RunSpec spec) {
            return StepOutcome.none().write(() -> {
                if (ProgressEntry.findById(in.messageId()) == null) {
                    ProgressEntry e = new ProgressEntry();
                    e.messageId = in.messageId();
                    e.runId = in.payload().runId();
                    e.delta = in.payload();
                    e.persist();
                    ledger.add(in.payload());
                }
            });
        }
    }

    record Round(double wallSeconds, double cpuSeconds) {
    }

    @Test
    void foldingProgressDeltas() throws Exception {
        run(new ProgressIntake("warm-" + UUID.randomUUID(), ledger), 8, 500);
        List<Round> before = new ArrayList<>();
        List<Round> now = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            before.add(run(new StoredOneByOne("before-" + UUID.randomUUID(), ledger), 1, DELTAS));
            now.add(run(new ProgressIntake("now-" + UUID.randomUUID(), ledger), 8, DELTAS));
        }
        System.out.printf("%nfolding %d progress deltas through the consumer step (PostgreSQL; %d cores):%n", DELTAS,
                Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < before.size(); i++) {
            Round b = before.get(i);
            Round n = now.get(i);
            System.out.printf("round %d: before (1 at a time, stored + added) %.2f ms wall, %.2f ms CPU a delta;"
                    + " now (8 at once, grouped, sums only) %.2f ms wall, %.2f ms CPU a delta; wall %.2fx, CPU %.2fx%n",
                    i + 1, 1000 * b.wallSeconds() / DELTAS, 1000 * b.cpuSeconds() / DELTAS,
                    1000 * n.wallSeconds() / DELTAS, 1000 * n.cpuSeconds() / DELTAS,
                    b.wallSeconds() / n.wallSeconds(), b.cpuSeconds() / n.cpuSeconds());
        }
    }

    private Round run(StepWork<StageProgress> work, int threads, int deltas) throws Exception {
        List<String> records = new ArrayList<>();
        String run = "bench-" + UUID.randomUUID();
        Stage[] stages = {Stage.FUNCTION_GENERATION, Stage.CROSS_VALIDATION, Stage.QUERY_SAMPLING, Stage.JUDGE};
        for (int i = 0; i < deltas; i++) {
            StageProgress d = new StageProgress(run, stages[i % stages.length], 1, i % 3 == 0 ? 0 : 1,
                    i % 3 == 0 ? Map.of("below-threshold", 1L) : Map.of(), 1, 300, 120, false, Map.of())
                    .withCost(90, 0, 0);
            records.add(EnvelopeCodec.encode(Envelope.of(run + ":" + i, run, MessageType.StageProgress, d)));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StageProgress>> done = new ArrayList<>();
            for (String r : records) {
                done.add(pool.submit(() -> step.handle(work, r)));
            }
            for (Future<StageProgress> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Round r = new Round((System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
        if (ledger.funnel(run).stage(Stage.JUDGE).itemsIn() != deltas / 4) {
            throw new AssertionError("the totals lost deltas: " + ledger.funnel(run));
        }
        return r;
    }
}
