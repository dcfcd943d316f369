package dev.autoif.verifier.sandbox;

import dev.autoif.contracts.Verdict;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * Watches every running call and cancels its context ({@code close(true)}) when it runs past its wall time or CPU
 * time (of the calling thread) or allocates past its budget. Cancelling is the only thing that stops {@code while True: pass} (statement limits do
 * not) and, polled every few milliseconds, it stops a memory bomb long before the heap is full: the community edition
 * cannot cap a context's heap, so we cap what the evaluating thread allocates
 * ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}), a conservative proxy for what it keeps.
 */
final class Watchdog implements AutoCloseable {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    /** Platform threads: Truffle does not support entering or closing contexts from virtual threads. */
    private final ExecutorService cancellers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sandbox-cancel");
        t.setDaemon(true);
        return t;
    });

    Watchdog(long intervalMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scan, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    static boolean allocationCountingWorks() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Starts watching a call made by the current thread in {@code context}. */
    Watch start(Context context, long wallNanos, long cpuNanos, long maxAllocatedBytes) {
        Thread t = Thread.currentThread();
        Watch w = new Watch(context, t.threadId(), System.nanoTime() + wallNanos,
                THREADS.getCurrentThreadCpuTime() + cpuNanos,
                THREADS.getCurrentThreadAllocatedBytes() + maxAllocatedBytes);
        running.add(w);
        return w;
    }

    /** Stops watching; returns the verdict the watchdog imposed, or null when the call ended on its own. */
    Verdict stop(Watch w) {
        running.remove(w);
        if (w.verdict.compareAndSet(null, Verdict.PASS)) {
            return null;
        }
        return w.verdict.get();
    }

    private void scan() {
        long now = System.nanoTime();
        for (Watch w : running) {
            // allocation first: when one scan finds both limits passed (the scan came late, after a long garbage
            // collection or on a starved machine), the allocation is what the code did, the lateness is the machine's
            Verdict trip = null;
            if (THREADS.getThreadAllocatedBytes(w.threadId) > w.allocationLimit) {
                trip = Verdict.RESOURCE_EXHAUSTED;
            } else if (now - w.deadline > 0 || THREADS.getThreadCpuTime(w.threadId) > w.cpuLimit) {
                trip = Verdict.TIMEOUT;
            }
            if (trip != null && w.verdict.compareAndSet(null, trip)) {
                running.remove(w);
                // closing waits for the guest to stop; do it aside so one slow cancel does not delay the others
                cancellers.execute(() -> cancel(w.context));
            }
        }
    }

    private static void cancel(Context context) {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // already closed or closing: the call is stopped either way
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        cancellers.shutdown();
    }

    static final class Watch {
        final Context context;
        final long threadId;
        final long deadline;
        final long cpuLimit;
        final long allocationLimit;
        /** null while running; PASS when it ended on its own; TIMEOUT or RESOURCE_EXHAUSTED when cancelled */
        final AtomicReference<Verdict> verdict = new AtomicReference<>();

        Watch(Context context, long threadId, long deadline, long cpuLimit, long allocationLimit) {
            this.context = context;
            this.threadId = threadId;
            this.deadline = deadline;
            this.cpuLimit = cpuLimit;
            this.allocationLimit = allocationLimit;
        }
    }
}
