package dev.autoif.llm;

import dev.autoif.llm.limit.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time for client tests: a nano clock that only the sleeper moves on (a wait asked for is a wait passed). */
final class FakeTime {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** Every non-zero wait asked for, in order. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Sleeper sleeper = d -> {
        if (!d.isZero()) {
            sleeps.add(d);
            nanos.addAndGet(d.toNanos());
        }
    };

    long nanoTime() {
        return nanos.get();
    }
}
