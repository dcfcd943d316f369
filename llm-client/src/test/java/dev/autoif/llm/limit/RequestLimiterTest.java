package dev.autoif.llm.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recorder = d -> {
        waits.add(d);
        now.addAndGet(d.toNanos()); // time passes while "sleeping"
    };

    @Test
    void requestsPerMinuteSpacesRequestsOnceTheBurstIsSpent() throws Exception {
        RequestLimiter limiter = new RequestLimiter(10, new TokenBucket(2, now::get), null, recorder);
        limiter.acquire(0).close();
        limiter.acquire(0).close();
        limiter.acquire(0).close();
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void tokensPerMinuteWaitsForTheEstimateAndRefundsUnbilledRequests() throws Exception {
        TokenBucket tpm = new TokenBucket(600, now::get); // 10 tokens a second
        RequestLimiter limiter = new RequestLimiter(10, null, tpm, recorder);
        try (RequestLimiter.Permit p = limiter.acquire(600)) {
            p.refund(); // e.g. a 429: nothing billed
        }
        try (RequestLimiter.Permit p = limiter.acquire(600)) {
            p.settle(100); // billed 100 of the estimated 600
        }
        assertThat(tpm.available()).isEqualTo(500.0);
        limiter.acquire(550).close();
        assertThat(waits.getLast()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void concurrencySlotIsHeldUntilClose() throws Exception {
        RequestLimiter limiter = new RequestLimiter(1, null, null, Sleeper.REAL);
        RequestLimiter.Permit first = limiter.acquire(0);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            try (RequestLimiter.Permit p = limiter.acquire(0)) {
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(acquired.await(200, TimeUnit.MILLISECONDS)).isFalse();
        first.close();
        first.close(); // idempotent: must not release a second slot
        assertThat(acquired.await(5, TimeUnit.SECONDS)).isTrue();
        t.join();
        assertThat(limiter.availableSlots()).isEqualTo(1);
    }
}
