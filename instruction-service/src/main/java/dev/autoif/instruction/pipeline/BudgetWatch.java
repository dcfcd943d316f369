package dev.autoif.instruction.pipeline;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Pauses a run once its spend reaches its budget. Every spend delta on runs.progress marks its run; a ticker checks
 * marked runs against their budget outside the consumer's transaction (the delta is committed by then) and keeps
 * checking a run for {@value #RECHECK_MS} ms after its last delta, so a check that raced the commit is repeated.
 * The pause travels as the run's spec on the runs topic, which every service already follows.
 */
@ApplicationScoped
public class BudgetWatch {

    private static final Logger LOG = Logger.getLogger(BudgetWatch.class);
    static final long TICK_MS = 200;
    static final long RECHECK_MS = 2000;

    private final RunService runs;
    private final Map<String, Long> touched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("budget-watch").daemon().unstarted(r));

    public BudgetWatch(RunService runs) {
        this.runs = runs;
    }

    void onStart(@Observes StartupEvent event) {
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    /** A delta with spend arrived for the run. */
    public void spent(String runId) {
        touched.put(runId, System.nanoTime());
    }

    private void tick() {
        long now = System.nanoTime();
        touched.forEach((runId, at) -> {
            try {
                runs.enforceBudget(runId);
            } catch (RuntimeException e) {
                LOG.warnf("budget check of run %s failed, retried: %s", runId, e.toString());
                return;
            }
            if (now - at > TimeUnit.MILLISECONDS.toNanos(RECHECK_MS)) {
                touched.remove(runId, at);
            }
        });
    }
}
