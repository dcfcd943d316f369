package dev.autoif.llmsim;

import dev.autoif.llmsim.prompt.PromptKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests, choices, tokens and injected faults, by prompt kind. Thread-safe. */
public final class Stats {

    /** Counters of one prompt kind (or the total). */
    public record Counters(long requests, long choices, long promptTokens, long completionTokens,
            Map<String, Long> faults) {

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

    /** A consistent-enough copy of all counters (each counter read once). */
    public record Snapshot(Counters total, Map<PromptKind, Counters> byKind) {

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

        Counters snapshot() {
            Map<String, Long> f = new TreeMap<>();
            faults.forEach((k, v) -> f.put(k.wireName(), v.get()));
            return new Counters(requests.get(), choices.get(), promptTokens.get(), completionTokens.get(), Map.copyOf(f));
        }
    }

    private final ConcurrentHashMap<PromptKind, Live> live = new ConcurrentHashMap<>();

    public Stats() {
        for (PromptKind k : PromptKind.values()) {
            live.put(k, new Live());
        }
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

    public Snapshot snapshot() {
        Map<PromptKind, Counters> by = new LinkedHashMap<>();
        long r = 0;
        long c = 0;
        long p = 0;
        long t = 0;
        Map<String, Long> f = new TreeMap<>();
        for (PromptKind k : PromptKind.values()) {
            Counters s = live.get(k).snapshot();
            by.put(k, s);
            r += s.requests();
            c += s.choices();
            p += s.promptTokens();
            t += s.completionTokens();
            s.faults().forEach((name, n) -> f.merge(name, n, Long::sum));
        }
        return new Snapshot(new Counters(r, c, p, t, Map.copyOf(f)), by);
    }

    public void reset() {
        for (PromptKind k : PromptKind.values()) {
            live.put(k, new Live());
        }
    }
}
