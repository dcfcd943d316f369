package dev.autoif.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoif.instruction.domain.Lease;
import dev.autoif.instruction.domain.LeasePolicy;
import dev.autoif.instruction.persistence.RunLeases;
import dev.autoif.instruction.pipeline.Leaseholder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The lease rules against PostgreSQL, with two (or more) owners on one database as two replicas would be. The run ids
 * name no stored run, so this service's own worker never scans them.
 */
@QuarkusTest
class RunLeaseTest {

    private static final LeasePolicy SHORT = new LeasePolicy(Duration.ofMillis(600), Duration.ofMillis(300));
    /** Racers get a long TTL, so a slow racer never finds the winner's lease already expired. */
    private static final LeasePolicy LONG = new LeasePolicy(Duration.ofMinutes(5), Duration.ofMinutes(1));
    private static final int RACERS = 8;

    @Inject
    RunLeases leases;

    @Test
    void aLeaseIsRefusedWhileLiveTakenOverOnceExpiredAndTheOldOwnerCannotRenew() {
        String run = "lease-" + UUID.randomUUID();
        Leaseholder a = new Leaseholder(leases, SHORT, "replica-a/1");
        Leaseholder b = new Leaseholder(leases, SHORT, "replica-b/2");

        assertThat(a.acquire(run)).isTrue();
        assertThat(b.acquire(run)).as("B while A's lease is live").isFalse();
        assertThat(a.renew(run)).isTrue();
        assertThat(a.acquire(run)).as("A claims its own run again").isTrue();
        assertThat(owner(run)).isEqualTo("replica-a/1");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> leases.find(run).orElseThrow().expiredAt(leases.now()));
        assertThat(b.acquire(run)).as("B takes over A's expired lease").isTrue();
        assertThat(owner(run)).isEqualTo("replica-b/2");
        assertThat(a.renew(run)).as("A's renewal after the takeover").isFalse();
        assertThat(a.acquire(run)).as("A while B's lease is live").isFalse();
        assertThat(a.release(run)).as("A cannot release B's lease").isFalse();
        assertThat(owner(run)).isEqualTo("replica-b/2");

        assertThat(b.release(run)).isTrue();
        assertThat(leases.find(run)).isEmpty();
        assertThat(a.acquire(run)).as("A after B released").isTrue();
        assertThat(a.release(run)).isTrue();
    }

    @Test
    void racersOnTheFirstInsertGetExactlyOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String run = "race-" + UUID.randomUUID();
            List<String> winners = race(run);
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(owner(run)).isEqualTo(winners.getFirst());
        }
    }

    @Test
    void racersTakingOverAnExpiredLeaseGetExactlyOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String run = "takeover-race-" + UUID.randomUUID();
            leases.insert(run, "dead-replica/0", leases.now().minusSeconds(1));
            List<String> winners = race(run);
            assertThat(winners).as("round %d", round).hasSize(1);
            Lease lease = leases.find(run).orElseThrow();
            assertThat(lease.owner()).isEqualTo(winners.getFirst());
            assertThat(lease.version()).isEqualTo(1);
        }
    }

    /** RACERS owners claim the run at once; returns those told they got it. */
    private List<String> race(String run) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> claims = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
            for (int i = 0; i < RACERS; i++) {
                Leaseholder racer = new Leaseholder(leases, LONG, "racer/" + i);
                claims.add(pool.submit(() -> {
                    start.await();
                    return racer.acquire(run) ? racer.owner() : null;
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<String> claim : claims) {
                String winner = claim.get();
                if (winner != null) {
                    winners.add(winner);
                }
            }
            return winners;
        }
    }

    private String owner(String run) {
        return leases.find(run).map(Lease::owner).orElse(null);
    }
}
