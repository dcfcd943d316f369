package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveCountsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final LiveCounts live = new LiveCounts(clock::get);
    private final AtomicInteger counted = new AtomicInteger();

    /** A count that takes {@code costMs} on the fake clock and reports how many counts were made. */
    private ExportCounts count(long costMs) {
        clock.addAndGet(costMs * 1_000_000);
        int n = counted.incrementAndGet();
        return new ExportCounts(n, 0, 0, 0, 0, 0);
    }

    @Test
    void anExpensiveCountIsReusedForTenTimesItsCostThenCountedAgain() {
        assertThat(live.get("r", () -> count(200)).judged()).isEqualTo(1);

        clock.addAndGet(1_999_000_000L);
        assertThat(live.get("r", () -> count(200)).judged()).as("1.999 s after a 200 ms count").isEqualTo(1);

        clock.addAndGet(1_000_000L);
        assertThat(live.get("r", () -> count(200)).judged()).as("2 s after").isEqualTo(2);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aCheapCountIsAlmostAlwaysFresh() {
        live.get("r", () -> count(1));
        clock.addAndGet(10_000_000L);
        assertThat(live.get("r", () -> count(1)).judged()).isEqualTo(2);
    }

    @Test
    void runsAreCountedApartAndAForgottenRunIsCountedAfresh() {
        live.get("a", () -> count(500));
        assertThat(live.get("b", () -> count(500)).judged()).isEqualTo(2);
        assertThat(live.get("a", () -> count(500)).judged()).isEqualTo(1);

        live.forget("a");
        assertThat(live.get("a", () -> count(500)).judged()).isEqualTo(3);
    }

    @Test
    void theOldestRunIsDroppedBeyondTheBound() {
        for (int i = 0; i < LiveCounts.MAX_RUNS; i++) {
            String run = "run-" + i;
            live.get(run, () -> count(1000));
        }
        live.get("one-more", () -> count(1000));
        int before = counted.get();
        assertThat(live.get("run-0", () -> count(1000)).judged()).as("the oldest was dropped").isEqualTo(before + 1);
        // counted 1 s each: run-250 was counted 7 s ago and is reused for 10 s
        assertThat(live.get("run-250", () -> count(1000)).judged()).as("a younger one is kept").isEqualTo(251);
    }

    @Test
    void whileOneCallerCountsAStaleRunTheOthersGetItsLastCounts() throws Exception {
        live.get("r", () -> count(100));
        clock.addAndGet(5_000_000_000L);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread slow = Thread.ofVirtual().start(() -> live.get("r", () -> {
            inside.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return count(100);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(live.get("r", () -> count(100)).judged()).as("the last counts, not a second count").isEqualTo(1);
        assertThat(counted).hasValue(1);
        finish.countDown();
        slow.join(10_000);
        assertThat(counted).hasValue(2);
        assertThat(live.get("r", () -> count(100)).judged()).as("the new counts once counted").isEqualTo(2);
    }

    @Test
    void aFailedCountLeavesTheRunToBeCountedByTheNextCaller() {
        live.get("r", () -> count(100));
        clock.addAndGet(5_000_000_000L);
        assertThatThrownBy(() -> live.get("r", () -> {
            throw new IllegalStateException("timed out");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(live.get("r", () -> count(100)).judged()).isEqualTo(2);
    }
}
