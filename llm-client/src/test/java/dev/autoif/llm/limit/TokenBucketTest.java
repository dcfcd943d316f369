package dev.autoif.llm.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(60, now::get); // one token a second

    @Test
    void fullBucketGrantsWithoutWaiting() {
        for (int i = 0; i < 60; i++) {
            assertThat(bucket.reserve(1)).isZero();
        }
    }

    @Test
    void emptyBucketMakesCallersQueueInArrivalOrder() {
        bucket.reserve(60);
        assertThat(bucket.reserve(1)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(bucket.reserve(1)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(bucket.available()).isZero();
        now.addAndGet(TimeUnit.SECONDS.toNanos(3));
        assertThat(bucket.reserve(3)).isZero();
    }

    @Test
    void refillIsCappedAtOneMinute() {
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertThat(bucket.available()).isEqualTo(60.0);
    }

    @Test
    void oversizedReservationWaitsAFullBucketNotForever() {
        bucket.reserve(30);
        // 500 tokens wanted, bucket holds 60: reserve 60, so the balance is -30 => 30 seconds
        assertThat(bucket.reserve(500)).isEqualTo(TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    void adjustCorrectsAnEstimate() {
        bucket.reserve(50); // estimated 50
        bucket.adjust(50 - 20); // really cost 20
        assertThat(bucket.available()).isEqualTo(40.0);
        bucket.adjust(-100); // really cost far more
        assertThat(bucket.reserve(1)).isEqualTo(TimeUnit.SECONDS.toNanos(61));
    }
}
