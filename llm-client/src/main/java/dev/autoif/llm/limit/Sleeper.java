package dev.autoif.llm.limit;

import java.time.Duration;

/** Waits. A seam so tests can record the waits the limiter and retry policy ask for instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
