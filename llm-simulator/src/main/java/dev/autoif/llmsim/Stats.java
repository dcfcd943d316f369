package dev.autoif.llmsim;

import dev.autoif.llmsim.prompt.PromptKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests, choices, tokens, injected faults and requests refused by the rate limits, by prompt kind, and
 * the requests in flight now and at most since the last reset. Thread-safe.
 */
public final class Stats {

    /**
     * Counters of one prompt kind (or the total).
     *
     * @param requests every request seen, refused ones included
     * @param rateLimited requests refused with 429 because their API key was over its rate limit (not a fault)
     * @param inFlight requests admitted and not yet answered, now
     * @param peakInFlight the most requests in flight at once since the last reset
     * @param handled online requests answered (a status line written)
     * @param handlingNanos the simulator's own wall time on those, from the request's arrival to its answer written,
     *     less the latency it slept, the slow fault's wait and a held kind's wait for its release: what a client
     *     waits for beyond the latency on a busy machine
     */
    public record Counters(long requests, long choices, long promptTokens, long completionTokens,
            Map<String, Long> faults, long rateLimited, long inFlight, long peakInFlight, long handled,
            long handlingNanos) {

        public long totalTokens() {
            return promptTokens + completionTokens;
        }

        public long fault(Fault f) {
            return faults.getOrDefault(f.wireName(), 0L);
        }

        public long faultsTotal() {
            return faults.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The Batch API's counters. Each line of a batch is also counted as a request of its prompt kind when it is
     * answered, as the same request sent online would be.
     *
     * @param files input files uploaded ({@code POST /v1/files})
     * @param batches batches created ({@code POST /v1/batches})
     * @param lines request lines of the created batches that passed validation
     */
    public record BatchCounters(long files, long batches, long lines) {
    }

    /** A consistent-enough copy of all counters (each counter read once). */
    public record Snapshot(Counters total, Map<PromptKind, Counters> byKind, BatchCounters batch) {

        public Counters kind(PromptKind k) {
            return byKind.get(k);
        }
    }

    private static final class Live {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong choices = new AtomicLong();
        final AtomicLong promptTokens = new AtomicLong();
        final AtomicLong completionTokens = new AtomicLong();
        final ConcurrentHashMap<Fault, AtomicLong> faults = new ConcurrentHashMap<>();
        final AtomicLong rateLimited = new AtomicLong();
        final AtomicLong handled = new AtomicLong();
        final AtomicLong handlingNanos = new AtomicLong();

        Counters snapshot(Gauge g) {
            Map<String, Long> f = new TreeMap<>();
            faults.forEach((k, v) -> f.put(k.wireName(), v.get()));
            return new Counters(requests.get(), choices.get(), promptTokens.get(), completionTokens.get(), Map.copyOf(f),
                    rateLimited.get(), g.now.get(), g.peak.get(), handled.get(), handlingNanos.get());
        }
    }

    /** Requests in flight; kept across {@link #reset()}, which would otherwise lose the ones still running. */
    private static final class Gauge {
        final AtomicLong now = new AtomicLong();
        final AtomicLong peak = new AtomicLong();

        void enter() {
            long n = now.incrementAndGet();
            peak.accumulateAndGet(n, Math::max);
        }

        void resetPeak() {
            peak.set(now.get());
        }
    }

    /** An admitted request; close it once answered. */
    public interface InFlight extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<PromptKind, Live> live = new ConcurrentHashMap<>();
    private final Map<PromptKind, Gauge> inFlight = new EnumMap<>(PromptKind.class);
    private final Gauge totalInFlight = new Gauge();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchLines = new AtomicLong();

    public Stats() {
        for (PromptKind k : PromptKind.values()) {
            live.put(k, new Live());
            inFlight.put(k, new Gauge());
        }
    }

    /** Counts a request of {@code kind} as in flight until the returned handle is closed. */
    public InFlight enter(PromptKind kind) {
        Gauge g = inFlight.get(kind);
        g.enter();
        totalInFlight.enter();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                g.now.decrementAndGet();
                totalInFlight.now.decrementAndGet();
            }
        };
    }

    /** An online request of {@code kind} answered after {@code nanos} of the simulator's own time (see Counters). */
    public void handled(PromptKind kind, long nanos) {
        Live l = live.get(kind);
        l.handled.incrementAndGet();
        l.handlingNanos.addAndGet(nanos);
    }

    public void rateLimited(PromptKind kind) {
        live.get(kind).rateLimited.incrementAndGet();
    }

    /** Peaks start again from the requests in flight now (also part of {@link #reset()}). */
    public void resetPeaks() {
        inFlight.values().forEach(Gauge::resetPeak);
        totalInFlight.resetPeak();
    }

    public void request(PromptKind kind, long promptTokens) {
        Live l = live.get(kind);
        l.requests.incrementAndGet();
        l.promptTokens.addAndGet(promptTokens);
    }

    public void choice(PromptKind kind, long completionTokens) {
        Live l = live.get(kind);
        l.choices.incrementAndGet();
        l.completionTokens.addAndGet(completionTokens);
    }

    public void fault(PromptKind kind, Fault fault) {
        live.get(kind).faults.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
    }

    public void fileUploaded() {
        files.incrementAndGet();
    }

    public void batchCreated() {
        batches.incrementAndGet();
    }

    public void batchLines(long lines) {
        batchLines.addAndGet(lines);
    }

    public Snapshot snapshot() {
        Map<PromptKind, Counters> by = new LinkedHashMap<>();
        long r = 0;
        long c = 0;
        long p = 0;
        long t = 0;
        long limited = 0;
        long handled = 0;
        long handlingNanos = 0;
        Map<String, Long> f = new TreeMap<>();
        for (PromptKind k : PromptKind.values()) {
            Counters s = live.get(k).snapshot(inFlight.get(k));
            by.put(k, s);
            r += s.requests();
            c += s.choices();
            p += s.promptTokens();
            t += s.completionTokens();
            limited += s.rateLimited();
            handled += s.handled();
            handlingNanos += s.handlingNanos();
            s.faults().forEach((name, n) -> f.merge(name, n, Long::sum));
        }
        Counters total = new Counters(r, c, p, t, Map.copyOf(f), limited, totalInFlight.now.get(),
                totalInFlight.peak.get(), handled, handlingNanos);
        return new Snapshot(total, by, new BatchCounters(files.get(), batches.get(), batchLines.get()));
    }

    public void reset() {
        for (PromptKind k : PromptKind.values()) {
            live.put(k, new Live());
        }
        files.set(0);
        batches.set(0);
        batchLines.set(0);
        resetPeaks();
    }
}
