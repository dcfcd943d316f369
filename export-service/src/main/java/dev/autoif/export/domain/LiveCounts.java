package dev.autoif.export.domain;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The export counts of runs still in progress, each kept for {@value #REUSE_FACTOR} times as long as it took to count
 * them. The counts scan the run's rows (a paper-size run holds ~120k verified responses) and every funnel poll asks for
 * them: {@code run.sh} every 3 s, each open dashboard, scripts; without this their cost grows with the table and is
 * paid once per poller, and on a small machine it was a quarter of export-service's CPU during a paper-size run. With
 * it, counting takes at most 1 / {@value #REUSE_FACTOR} of one core per run however many poll, and small runs (counted
 * in a few milliseconds) are as fresh as before. While one poller counts a run again, the others get its last counts
 * instead of counting too (in a paper-size run on two cores a count took tens of seconds, and every poller that
 * arrived meanwhile started one of its own). A finished run is always counted afresh (see the caller).
 */
public final class LiveCounts {

    static final int REUSE_FACTOR = 10;
    /** Runs remembered at most; the oldest entries go first (a restart forgets them all, which costs one count). */
    static final int MAX_RUNS = 256;

    private record Entry(ExportCounts counts, long countedAt, long costNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> counting = ConcurrentHashMap.newKeySet();
    private final LongSupplier nanoClock;

    public LiveCounts() {
        this(System::nanoTime);
    }

    LiveCounts(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * The run's counts: the last ones while they are younger than {@value #REUSE_FACTOR} x their cost or while
     * another caller counts the run again, else new.
     */
    public ExportCounts get(String runId, Supplier<ExportCounts> count) {
        long now = nanoClock.getAsLong();
        Entry e = entries.get(runId);
        if (e != null && now - e.countedAt() < REUSE_FACTOR * e.costNanos()) {
            return e.counts();
        }
        boolean mine = counting.add(runId);
        if (e != null && !mine) {
            return e.counts();
        }
        ExportCounts fresh;
        try {
            fresh = count.get();
        } finally {
            if (mine) {
                counting.remove(runId);
            }
        }
        long done = nanoClock.getAsLong();
        if (entries.size() >= MAX_RUNS && !entries.containsKey(runId)) {
            entries.entrySet().stream().min(java.util.Comparator.comparingLong(x -> x.getValue().countedAt()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
        entries.put(runId, new Entry(fresh, done, done - now));
        return fresh;
    }

    /** Forgets a run (it finished: from now on its counts are read afresh). */
    public void forget(String runId) {
        entries.remove(runId);
    }
}
