package dev.autoif.llm.limit;

import java.util.function.LongSupplier;

/**
 * A token bucket refilled continuously at {@code perMinute} tokens a minute, holding at most one minute's worth.
 * Callers reserve first and wait afterwards: the balance may go negative, and each reservation is told how long to
 * wait until its share has been refilled. So waiting callers queue in arrival order and none is starved.
 */
public final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    public TokenBucket(long perMinute, LongSupplier nanoClock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.capacity = perMinute;
        this.perNano = perMinute / NANOS_PER_MINUTE;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /**
     * Takes {@code amount} tokens (at most a full bucket, so an oversized request waits one minute, not forever).
     *
     * @return nanoseconds to wait before acting on the reservation; 0 when the tokens were there
     */
    public synchronized long reserve(double amount) {
        refill();
        tokens -= Math.min(amount, capacity);
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** Gives back (positive) or takes more (negative) tokens once the real cost is known. */
    public synchronized void adjust(double delta) {
        refill();
        tokens = Math.min(capacity, tokens + delta);
    }

    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
