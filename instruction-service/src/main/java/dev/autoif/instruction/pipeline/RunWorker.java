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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Works on runs off the HTTP threads, a few at a time. On start it picks up every run left queued or running by the
 * previous process; thanks to the LLM cache and the stored progress that costs nothing already paid for. A run
 * whose work fails is marked failed with a reason a client can read.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final RunProcessor processor;
    private final RunStore store;
    private final ExecutorService executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public RunWorker(RunProcessor processor, RunStore store, InstructionConfig config) {
        this.processor = processor;
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, config.worker().runs()),
                r -> Thread.ofPlatform().name("run-worker-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    void onStart(@Observes StartupEvent event) {
        for (String runId : store.resumableRunIds()) {
            LOG.infof("resuming run %s", runId);
            submit(runId);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when no run is queued or being worked on in this process. */
    public boolean idle() {
        return inFlight.isEmpty();
    }

    /** Queues a run unless it is already being worked on. */
    public void submit(String runId) {
        if (stopping || !inFlight.add(runId)) {
            return;
        }
        executor.execute(() -> {
            try {
                processor.process(runId);
            } catch (RunInterruptedException | LlmInterruptedException e) {
                LOG.infof("run %s interrupted; it resumes on the next start", runId);
            } catch (LlmConfigurationException e) {
                fail(runId, "LLM not configured: " + e.getMessage());
            } catch (LlmException e) {
                fail(runId, "LLM unavailable: " + e.getMessage());
            } catch (PublishException e) {
                fail(runId, "Kafka unavailable: " + e.getMessage());
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.infof("run %s stopped by shutdown (%s); it resumes on the next start", runId, e.toString());
                } else {
                    LOG.errorf(e, "run %s failed", runId);
                    fail(runId, "internal error (" + e.getClass().getSimpleName() + "); see the service log");
                }
            } finally {
                inFlight.remove(runId);
            }
        });
    }

    private void fail(String runId, String reason) {
        if (stopping) {
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
