package dev.autoif.llmsim;

import dev.autoif.llmsim.prompt.PromptKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulator does right now: fault and behaviour rates, latency, rate limits. Changeable at runtime from Java
 * or HTTP.
 */
public final class Settings {

    private final EnumMap<Fault, Double> faults = new EnumMap<>(Fault.class);
    private final EnumMap<Behaviour, Double> behaviour = new EnumMap<>(Behaviour.class);
    private volatile Latency latency = Latency.NONE;
    private volatile long slowMillis = 30_000;
    private volatile int retryAfterSeconds = 1;
    private volatile RateLimits rateLimits = RateLimits.OFF;
    private volatile boolean diverseInstructions;
    private volatile long batchCompletionDelayMillis = DEFAULT_BATCH_DELAY_MILLIS;
    private volatile long batchWindowMillis = DEFAULT_BATCH_WINDOW_MILLIS;
    /** Guarded by {@code this}. */
    private final EnumSet<PromptKind> held = EnumSet.noneOf(PromptKind.class);
    private int waitingHeld;

    /** A batch stays in progress this long before it is answered, by default. */
    public static final long DEFAULT_BATCH_DELAY_MILLIS = 200;
    /** The provider's 24 h completion window. */
    public static final long DEFAULT_BATCH_WINDOW_MILLIS = 24L * 3600 * 1000;

    public Settings() {
        resetBehaviour();
    }

    public synchronized Settings fault(Fault fault, double rate) {
        faults.put(fault, checkRate(rate));
        return this;
    }

    public synchronized double fault(Fault fault) {
        return faults.getOrDefault(fault, 0.0);
    }

    public synchronized Map<Fault, Double> faults() {
        EnumMap<Fault, Double> out = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            out.put(f, faults.getOrDefault(f, 0.0));
        }
        return out;
    }

    public synchronized Settings clearFaults() {
        faults.clear();
        return this;
    }

    public synchronized Settings behaviour(Behaviour b, double rate) {
        behaviour.put(b, checkRate(rate));
        return this;
    }

    public synchronized double behaviour(Behaviour b) {
        return behaviour.getOrDefault(b, 0.0);
    }

    public synchronized Map<Behaviour, Double> behaviours() {
        return new EnumMap<>(behaviour);
    }

    /** Every behaviour back to its default rate, the diversity mode off. */
    public synchronized Settings resetBehaviour() {
        for (Behaviour b : Behaviour.values()) {
            behaviour.put(b, b.defaultRate());
        }
        diverseInstructions = false;
        return this;
    }

    /**
     * The diversity mode: self-instruct draws from the wide catalogue (hundreds of thousands of distinct
     * constraints) instead of the 31 standard families with their few parameters. Off by default.
     */
    public boolean diverseInstructions() {
        return diverseInstructions;
    }

    public Settings diverseInstructions(boolean on) {
        this.diverseInstructions = on;
        return this;
    }

    /** Every behaviour rate 0: a perfectly obedient model, for tests that need exact outcomes. */
    public synchronized Settings perfectModel() {
        for (Behaviour b : Behaviour.values()) {
            behaviour.put(b, 0.0);
        }
        return this;
    }

    /**
     * Requests of these kinds wait, before they are counted and before their latency, until {@link #releaseHeld()}:
     * a benchmark lets a stage's whole input queue up, then measures the stage at its own limit (not at the pace its
     * input arrives). A held request keeps its client waiting, so hold for less than the client's timeout.
     */
    public synchronized Settings hold(PromptKind... kinds) {
        held.addAll(List.of(kinds));
        return this;
    }

    /** Lets every held request through, and no kind is held any more. */
    public synchronized Settings releaseHeld() {
        held.clear();
        notifyAll();
        return this;
    }

    /** Returns at once unless {@code kind} is held; then when it is released. */
    public synchronized void awaitRelease(PromptKind kind) throws InterruptedException {
        if (!held.contains(kind)) {
            return;
        }
        waitingHeld++;
        try {
            while (held.contains(kind)) {
                wait();
            }
        } finally {
            waitingHeld--;
        }
    }

    /** Requests waiting for their kind's release now (a benchmark releases once its stage's client is full). */
    public synchronized int waitingHeld() {
        return waitingHeld;
    }

    public Latency latency() {
        return latency;
    }

    public Settings latency(Latency latency) {
        this.latency = Objects.requireNonNull(latency);
        return this;
    }

    /** How long a {@link Fault#SLOW} response waits before it answers (meant to be past the client's timeout). */
    public long slowMillis() {
        return slowMillis;
    }

    public Settings slowMillis(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("slowMillis must be >= 0");
        }
        this.slowMillis = ms;
        return this;
    }

    /** The Retry-After header of a {@link Fault#HTTP_429} answer, in seconds. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Settings retryAfterSeconds(int s) {
        if (s < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        }
        this.retryAfterSeconds = s;
        return this;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * Requests and tokens per minute per API key (0 = off). Every setting, even to the same values, starts each key
     * with a full budget, as a new limit tier would.
     */
    public Settings rateLimits(RateLimits limits) {
        this.rateLimits = Objects.requireNonNull(limits);
        return this;
    }

    public Settings rateLimits(long requestsPerMinute, long tokensPerMinute) {
        return rateLimits(new RateLimits(requestsPerMinute, tokensPerMinute));
    }

    /** How long a batch stays {@code in_progress} before it is answered. */
    public long batchCompletionDelayMillis() {
        return batchCompletionDelayMillis;
    }

    public Settings batchCompletionDelayMillis(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("batch completion delay must be >= 0");
        }
        this.batchCompletionDelayMillis = ms;
        return this;
    }

    /**
     * The simulated completion window: a batch whose completion delay reaches it expires (after waiting the window)
     * instead of completing. 24 h by default, as the provider's.
     */
    public long batchWindowMillis() {
        return batchWindowMillis;
    }

    public Settings batchWindowMillis(long ms) {
        if (ms <= 0) {
            throw new IllegalArgumentException("batch window must be > 0");
        }
        this.batchWindowMillis = ms;
        return this;
    }

    /** The batch delay and window back to their defaults. */
    public Settings resetBatches() {
        batchCompletionDelayMillis = DEFAULT_BATCH_DELAY_MILLIS;
        batchWindowMillis = DEFAULT_BATCH_WINDOW_MILLIS;
        return this;
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within [0, 1], got " + rate);
        }
        return rate;
    }
}
