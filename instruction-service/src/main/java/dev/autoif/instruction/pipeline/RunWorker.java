package dev.autoif.instruction.pipeline;

import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.messaging.PublishException;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.llm.LlmConfigurationException;
import dev.autoif.llm.LlmException;
import dev.autoif.llm.LlmInterruptedException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Works on runs off the HTTP threads, a few at a time, with any number of replicas on one database. A run is worked on
 * by the replica holding its lease ({@link RunLeaseKeeper}): the replica that accepted it claims it first when it has
 * a free slot; every renew interval each replica renews its leases and scans for queued or running runs without a
 * live lease (not taken yet, or their owner died) and claims as many as it has free slots. Thanks to the LLM cache
 * and the stored progress, a run taken over costs nothing already paid for. A run whose work fails is marked failed
 * with a reason a client can read.
 *
 * <p>Two replicas may briefly both work on one run: the old owner finishes the instructions already in flight when it
 * learns (at its next renewal) that its lease was taken over, or keeps going for up to a TTL while it cannot reach the
 * database. That is harmless: a re-published candidate or progress delta carries the same deterministic message id and
 * downstream consumers drop it as a duplicate, and both replicas' LLM calls land in the same cache.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final RunProcessor processor;
    private final RunStore store;
    private final RunLeaseKeeper leases;
    private final int slots;
    private final ExecutorService executor;
    /** Renewals and scans, on one thread so that they never overlap. */
    private final ScheduledExecutorService ticker;
    private final Set<String> inFlight = new HashSet<>();
    private volatile boolean stopping;

    public RunWorker(RunProcessor processor, RunStore store, RunLeaseKeeper leases, InstructionConfig config) {
        this.processor = processor;
        this.store = store;
        this.leases = leases;
        this.slots = Math.max(1, config.worker().runs());
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(slots,
                r -> Thread.ofPlatform().name("run-worker-" + n.incrementAndGet()).daemon().unstarted(r));
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("run-lease-ticker").daemon().unstarted(r));
    }

    /** The first scan resumes what an earlier process (this one's predecessor or a dead replica) left behind. */
    void onStart(@Observes StartupEvent event) {
        long interval = leases.policy().renewInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        ticker.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.releaseAll();
    }

    /** True when no run is being worked on in this process. */
    public synchronized boolean idle() {
        return inFlight.isEmpty();
    }

    /**
     * Works on a run if this replica has a free slot and gets its lease; otherwise the run waits for the next scan of
     * whichever replica frees a slot first.
     */
    public void submit(String runId) {
        if (!reserve(runId)) {
            LOG.debugf("run %s not taken now (no free slot or already in flight); a scan picks it up", runId);
            return;
        }
        try {
            executor.execute(() -> work(runId));
        } catch (RejectedExecutionException e) {
            unreserve(runId);
        }
    }

    private void work(String runId) {
        if (!claim(runId)) {
            unreserve(runId);
            return;
        }
        try {
            processor.process(runId);
        } catch (RunInterruptedException | LlmInterruptedException e) {
            LOG.infof("run %s interrupted; it resumes on the next start or on another replica", runId);
        } catch (LlmConfigurationException e) {
            fail(runId, "LLM not configured: " + e.getMessage());
        } catch (LlmException e) {
            fail(runId, "LLM unavailable: " + e.getMessage());
        } catch (PublishException e) {
            fail(runId, "Kafka unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("run %s stopped by shutdown (%s); it resumes on the next start or on another replica", runId,
                        e.toString());
            } else {
                LOG.errorf(e, "run %s failed", runId);
                fail(runId, "internal error (" + e.getClass().getSimpleName() + "); see the service log");
            }
        } finally {
            leases.release(runId);
            unreserve(runId);
            if (!stopping) {
                scanSoon();
            }
        }
    }

    private boolean claim(String runId) {
        try {
            if (leases.acquire(runId)) {
                return true;
            }
            LOG.debugf("run %s is held by another replica", runId);
        } catch (RuntimeException e) {
            LOG.warnf("could not claim run %s (%s); a later scan retries", runId, e.toString());
        }
        return false;
    }

    private void tick() {
        try {
            leases.renewAll();
            scan();
        } catch (RuntimeException e) {
            // A failed tick must not cancel the schedule: the next one retries.
            LOG.warnf("lease renewal or scan failed: %s", e.toString());
        }
    }

    private void scan() {
        int free = freeSlots();
        if (free <= 0 || stopping) {
            return;
        }
        for (String runId : leases.claimable(free)) {
            LOG.infof("taking up run %s (queued, or its owner stopped renewing its lease)", runId);
            submit(runId);
        }
    }

    private void scanSoon() {
        try {
            ticker.execute(() -> {
                try {
                    scan();
                } catch (RuntimeException e) {
                    LOG.warnf("scan for runs failed: %s", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private synchronized boolean reserve(String runId) {
        if (stopping || inFlight.size() >= slots || inFlight.contains(runId)) {
            return false;
        }
        return inFlight.add(runId);
    }

    private synchronized void unreserve(String runId) {
        inFlight.remove(runId);
    }

    private synchronized int freeSlots() {
        return slots - inFlight.size();
    }

    /** Only the lease holder records a failure: a replica that lost the run must not fail it under its new owner. */
    private void fail(String runId, String reason) {
        if (stopping) {
            return;
        }
        if (!leases.confirm(runId)) {
            LOG.warnf("run %s: %s, but this replica no longer holds its lease; its owner decides", runId, reason);
            return;
        }
        LOG.warnf("run %s failed: %s", runId, reason);
        try {
            store.fail(runId, reason);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not mark run %s failed", runId);
        }
    }
}
