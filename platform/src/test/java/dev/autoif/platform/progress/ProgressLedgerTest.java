package dev.autoif.platform.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's running totals fold to the same funnel as every delta added, each message id once through the step. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class ProgressLedgerTest {

    @Inject
    ProgressLedger ledger;

    @Inject
    ConsumerStep step;

    private static StageProgress delta(String run, Stage s, long in, long out, Map<String, Long> dropped,
            boolean complete, Map<String, Long> modes) {
        return new StageProgress(run, s, in, out, dropped, 2, 30, 7, complete, modes).withCost(100, 5, 1);
    }

    private static List<StageProgress> deltas(String run) {
        List<StageProgress> all = new ArrayList<>();
        all.add(delta(run, Stage.SELF_INSTRUCT, 0, 5, Map.of(), true, Map.of()));
        for (int i = 0; i < 5; i++) {
            all.add(delta(run, Stage.FUNCTION_GENERATION, 1, 1, Map.of(), false, Map.of()));
            all.add(delta(run, Stage.CROSS_VALIDATION, 1, i % 2, i % 2 == 0 ? Map.of("below-accuracy", 1L)
                    : Map.of(), false, Map.of()));
        }
        all.add(delta(run, Stage.BACK_TRANSLATION, 2, 1, Map.of("nli-contradiction", 1L), false,
                Map.of("onnx", 2L)));
        return all;
    }

    private static Envelope<StageProgress> envelope(String id, StageProgress d) {
        return Envelope.of(id, d.runId(), MessageType.StageProgress, d);
    }

    @Test
    void runningTotalsFoldToTheFunnelOfEveryDeltaEachOnce() {
        String run = "ledger-" + UUID.randomUUID();
        List<StageProgress> all = deltas(run);
        all.forEach(ledger::add);

        Funnel folded = ledger.funnel(run);
        assertThat(folded.stages()).isEqualTo(Funnel.of(all).stages());
        assertThat(folded.stage(Stage.CROSS_VALIDATION).itemsIn()).isEqualTo(5);
        assertThat(folded.stage(Stage.CROSS_VALIDATION).dropped()).containsEntry("below-accuracy", 3L);
        assertThat(folded.stage(Stage.BACK_TRANSLATION).modes()).containsEntry("onnx", 2L);
        assertThat(folded.llmCalls()).isEqualTo(2L * all.size());
        assertThat(folded.costMicroUsd()).isEqualTo(100L * all.size());
        assertThat(folded.savedMicroUsd()).isEqualTo(5L * all.size());
        assertThat(folded.unknownPriceCalls()).isEqualTo(all.size());
        assertThat(QuarkusTransaction.requiringNew().call(() -> StageTotalsRow.count("runId", run)))
                .isEqualTo(4);
        assertThat(ledger.holds(run)).isTrue();
        assertThat(ledger.holds("nothing-" + UUID.randomUUID())).isFalse();
    }

    /**
     * Through the consumer step, which does not look for a redelivery before recording a delta (no transaction of its
     * own for that): a delta delivered three times still counts once, and the step hands back its payload.
     */
    @Test
    void aRedeliveredDeltaThroughTheConsumerStepCountsOnce() {
        String run = "intake-" + UUID.randomUUID();
        ProgressIntake intake = new ProgressIntake("ledger-test-intake", ledger);
        assertThat(intake.storesOnly()).isTrue();
        List<StageProgress> all = deltas(run);
        for (int i = 0; i < all.size(); i++) {
            String json = EnvelopeCodec.encode(envelope(run + "-" + i, all.get(i)));
            for (int delivery = 0; delivery < (i == 2 ? 3 : 1); delivery++) {
                assertThat(step.handle(intake, json)).isEqualTo(all.get(i));
            }
        }

        assertThat(ledger.funnel(run).stages()).isEqualTo(Funnel.of(all).stages());
        assertThat(step.consumed("ledger-test-intake", run + "-2")).isTrue();
        // the sums alone are stored, not a row per delta
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProgressEntry.count("runId", run))).isZero();
    }

    /**
     * Many deltas at once, as the progress consumers take them (8 in flight): their commits are grouped into fewer
     * transactions, and every delta still counts once, redeliveries among them.
     */
    @Test
    void concurrentDeltasAreCommittedInGroupsAndEachCountsOnce() throws Exception {
        String run = "group-" + UUID.randomUUID();
        String consumer = "ledger-group-" + UUID.randomUUID();
        ProgressIntake intake = new ProgressIntake(consumer, ledger);
        List<StageProgress> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.addAll(deltas(run));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<StageProgress>> handled = new ArrayList<>();
            int deliveries = 0;
            for (int i = 0; i < all.size(); i++) {
                String json = EnvelopeCodec.encode(envelope(run + "-" + i, all.get(i)));
                for (int copy = 0; copy < (i % 10 == 0 ? 2 : 1); copy++) {
                    handled.add(pool.submit(() -> step.handle(intake, json)));
                    deliveries++;
                }
            }
            for (var f : handled) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(ledger.funnel(run).stages()).isEqualTo(Funnel.of(all).stages());
            var grouped = step.groupedCommits(consumer);
            System.out.printf("%d deliveries of %d deltas: %d commits in %d transactions%n", deliveries, all.size(),
                    grouped.commits(), grouped.transactions());
            // one consumer's commits never run at once: a redelivery finds the first copy's marker (committed, or
            // earlier in its own group) and commits nothing, without failing
            assertThat(grouped.commits()).isEqualTo(deliveries);
            assertThat(grouped.transactions()).as("transactions for %d commits", grouped.commits())
                    .isLessThan(grouped.commits());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deltasRecordedBeforeRunningTotalsExistedAreSummedOnceOnUpgrade() {
        String run = "legacy-" + UUID.randomUUID();
        List<StageProgress> all = deltas(run);
        // what an older release stored: the deltas alone
        storeAsAnOlderReleaseDid(run, all.subList(0, all.size() - 1));
        // the next delta after the upgrade folds with all of them
        StageProgress last = all.get(all.size() - 1);
        ledger.add(last);
        assertThat(ledger.funnel(run).stages()).isEqualTo(Funnel.of(all).stages());
        assertThat(ledger.funnel(run).stages()).isEqualTo(Funnel.of(all).stages());
    }

    @Test
    void aLegacyRunIsFoldedFromItsDeltasOnReadWithoutWriting() {
        String run = "legacy-read-" + UUID.randomUUID();
        List<StageProgress> all = deltas(run);
        storeAsAnOlderReleaseDid(run, all);
        assertThat(ledger.funnel(run).stages()).isEqualTo(Funnel.of(all).stages());
        // a read never writes (summing on read raced with a run's first delta and counted it twice)
        assertThat(QuarkusTransaction.requiringNew().call(() -> StageTotalsRow.count("runId", run)))
                .isZero();
    }

    private static void storeAsAnOlderReleaseDid(String run, List<StageProgress> deltas) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < deltas.size(); i++) {
                ProgressEntry e = new ProgressEntry();
                e.messageId = run + "-" + i;
                e.runId = run;
                e.delta = deltas.get(i);
                e.persist();
            }
        });
    }
}
