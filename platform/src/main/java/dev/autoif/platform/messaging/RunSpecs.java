package dev.autoif.platform.messaging;

import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.RunSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** This service's copy of every run spec, fed by {@link RunsConsumer}. */
@ApplicationScoped
public class RunSpecs {

    @Transactional
    public void upsert(RunSpec spec) {
        KnownRun run = KnownRun.findById(spec.runId());
        if (run == null) {
            run = new KnownRun();
            run.runId = spec.runId();
        }
        run.spec = spec;
        run.cancelled = spec.cancelled();
        run.updatedAt = Instant.now();
        run.persist();
    }

    @Transactional
    public Optional<RunSpec> find(String runId) {
        return KnownRun.<KnownRun>findByIdOptional(runId).map(run -> run.spec);
    }

    /**
     * Waits for a run spec that may still be on its way: records of a run can overtake the run itself, since they
     * travel on other topics. Call it outside a transaction.
     */
    public Optional<RunSpec> await(String runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<RunSpec> spec = find(runId);
            if (spec.isPresent() || System.nanoTime() > deadline) {
                return spec;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * The run spec, waiting for it as {@link #await} does; a run that never arrived is an
     * {@link InvalidMessageException}, so the record that needs it goes to the dead-letter topic with the reason.
     */
    public RunSpec require(String runId, Duration wait) {
        return await(runId, wait).orElseThrow(() -> new InvalidMessageException(
                "unknown run " + runId + ": no run spec arrived within " + wait));
    }

    public boolean isCancelled(String runId) {
        return find(runId).map(RunSpec::cancelled).orElse(false);
    }
}
