package dev.autoif.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.instruction.domain.Lease;
import dev.autoif.instruction.domain.RunState;
import dev.autoif.instruction.persistence.InstructionStats;
import dev.autoif.instruction.persistence.RunEntity;
import dev.autoif.instruction.persistence.RunLeaseEntity;
import dev.autoif.instruction.persistence.RunLeases;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.pipeline.RunLeaseKeeper;
import dev.autoif.instruction.pipeline.RunWorker;
import dev.autoif.testinfra.SimulatorControl;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another replica died while working on a run: the run is left running with that replica's lease, which expired. The
 * worker's scan takes the run over and completes it; a run whose owner still renews its lease is left alone. And the
 * other way round: this replica's lease taken over, it stops working on the run.
 */
@QuarkusTest
class LeaseTakeoverTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    @Inject
    RunStore store;

    @Inject
    RunLeases leases;

    @Inject
    RunLeaseKeeper keeper;

    @Inject
    RunWorker worker;

    /** Function generations past their lease check at once: the run needs more instructions than this. */
    @ConfigProperty(name = "autoif.instruction.worker.instructions-in-flight")
    long inFlight;

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmBaseUrl;

    private SimulatorControl sim;

    @BeforeEach
    void quietSimulator() {
        sim = QuietSimulator.settle(llmBaseUrl, store, worker, RUN_TIMEOUT);
    }

    @AfterEach
    void resetSimulator() {
        sim.reset();
    }

    @Test
    void aRunOfADeadReplicaIsTakenOverAndCompletedWhileALiveReplicasRunIsLeftAlone() throws Exception {
        RunSpec orphan = spec("orphaned by a dead replica", 41);
        RunSpec held = spec("held by a live replica", 43);
        Instant now = leases.now();
        leaveRunning(orphan, "dead-replica/0000", now.minusSeconds(60));
        leaveRunning(held, "live-replica/1111", now.plusSeconds(300));

        awaitGenerated(orphan.runId());
        InstructionStats stats = store.stats(orphan.runId());
        assertThat(stats.generated()).isEqualTo(stats.instructions()).isPositive();
        List<InstructionCandidate> candidates = candidates(orphan.runId());
        assertThat(candidates).isNotEmpty().hasSize(withFunctions(orphan.runId()));
        assertThat(leases.find(orphan.runId())).as("released once done").isEmpty();

        // Several scans later the live replica's run is still untouched: its lease is live.
        Duration scans = keeper.policy().renewInterval().multipliedBy(3);
        await().during(scans).atMost(scans.plusSeconds(5)).until(() -> untouched(held.runId()));
        assertThat(leases.find(held.runId()).map(Lease::owner)).contains("live-replica/1111");

        // Now that replica dies too.
        expire(held.runId());
        awaitGenerated(held.runId());
        assertThat(candidates(held.runId())).isNotEmpty().hasSize(withFunctions(held.runId()));
        assertThat(leases.find(held.runId())).isEmpty();
    }

    @Test
    void aReplicaThatLostItsLeaseStopsAtTheNextInstructionAndTheNewOwnerFinishes() {
        sim.latency("fixed:1500");
        String runId = RunApiTest.submit("""
                {"name": "lease lost midway", "seedInstructions": ["Answer with at most 80 words.",
                  "Do not use the letter x.", "End your response with a full stop."],
                 "parameters": {"selfInstructRounds": 6, "functionsPerInstruction": 3, "seed": 53}}
                """);
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> store.stats(runId).instructions() > 0);
        // Another replica took the run over (as after a pause of this one longer than the TTL).
        steal(runId, "thief-replica/2222");
        await().atMost(Duration.ofSeconds(30)).until(worker::idle);

        InstructionStats stopped = store.stats(runId);
        assertThat(stopped.instructions()).as("more instructions than instructions-in-flight").isGreaterThan(inFlight);
        assertThat(stopped.generated()).as("only instructions already started were finished")
                .isLessThan(stopped.instructions());
        assertThat(store.find(runId).orElseThrow().state()).as("neither failed nor finished here")
                .isEqualTo(RunState.RUNNING);
        assertThat(leases.find(runId).map(Lease::owner)).as("the new owner's lease is untouched")
                .contains("thief-replica/2222");

        // The thief dies in turn: this replica takes the run back and finishes what is missing.
        sim.latency("fixed:0");
        expire(runId);
        awaitGenerated(runId);
        assertThat(store.stats(runId).generated()).isEqualTo(stopped.instructions());
    }

    private boolean untouched(String runId) {
        return store.find(runId).orElseThrow().state() == RunState.RUNNING
                && store.stats(runId).instructions() == 0;
    }

    /** The run, its state and its lease in one transaction, so no scan ever sees the run without its lease. */
    @Transactional
    void leaveRunning(RunSpec spec, String owner, Instant expiresAt) {
        store.create(spec);
        RunEntity run = RunEntity.findById(spec.runId());
        run.state = RunState.RUNNING;
        RunLeaseEntity lease = new RunLeaseEntity();
        lease.runId = spec.runId();
        lease.owner = owner;
        lease.expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
        lease.persist();
    }

    @Transactional
    void steal(String runId, String owner) {
        RunLeaseEntity lease = RunLeaseEntity.findById(runId);
        lease.owner = owner;
        lease.expiresAt = leases.now().plusSeconds(300);
        lease.version++;
    }

    @Transactional
    void expire(String runId) {
        RunLeaseEntity lease = RunLeaseEntity.findById(runId);
        lease.expiresAt = leases.now().minusSeconds(1);
    }

    private void awaitGenerated(String runId) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                store.find(runId).orElseThrow().state()).isEqualTo(RunState.GENERATED));
    }

    /** Instructions with at least one parsable function: each has its candidate published. */
    private int withFunctions(String runId) {
        return (int) store.instructions(runId, 0, 100).stream().filter(i -> i.functions > 0).count();
    }

    private List<InstructionCandidate> candidates(String runId) {
        List<ConsumerRecord<String, String>> records = TopicProbe.read(Topics.INSTRUCTIONS_CANDIDATES,
                withFunctions(runId) + 1,
                r -> r.value().contains(runId), Duration.ofSeconds(3));
        return records.stream()
                .map(r -> EnvelopeCodec.<InstructionCandidate>decode(r.value(), MessageType.InstructionCandidate)
                        .payload())
                .filter(c -> c.runId().equals(runId)).toList();
    }

    private static RunSpec spec(String name, int seed) throws Exception {
        RunParameters parameters = EnvelopeCodec.mapper().readValue("""
                {"selfInstructRounds": 1, "functionsPerInstruction": 3, "seed": %d}""".formatted(seed),
                RunParameters.class);
        return new RunSpec(UUID.randomUUID().toString(), name, List.of("Answer with at most 50 words.",
                "Do not use any commas.", "End your response with the word Done."),
                RunParameters.withDefaults(parameters), RunSpec.DEFAULT_CORPUS, false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
