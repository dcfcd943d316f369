package dev.autoif.instruction.pipeline;

import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.RunSpecValidator;
import dev.autoif.contracts.Violation;
import dev.autoif.instruction.config.DefaultSeeds;
import dev.autoif.instruction.domain.RunStatus;
import dev.autoif.instruction.messaging.PublishException;
import dev.autoif.instruction.messaging.Publisher;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.progress.ProgressLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Accepting, listing and cancelling runs; the pipeline work itself is the worker's. */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final RunStore store;
    private final Publisher publisher;
    private final DefaultSeeds defaultSeeds;
    private final ProgressLedger ledger;
    private final RunWorker worker;
    private final RunLocks locks = new RunLocks();

    public RunService(RunStore store, Publisher publisher, DefaultSeeds defaultSeeds, ProgressLedger ledger,
            RunWorker worker) {
        this.store = store;
        this.publisher = publisher;
        this.defaultSeeds = defaultSeeds;
        this.ledger = ledger;
        this.worker = worker;
    }

    /**
     * Validates, stores and publishes a run, then queues its work. An invalid spec stores nothing.
     *
     * @throws ProblemException 400 naming every invalid field; 503 when the broker did not take the spec
     */
    public StoredRun submit(String name, List<String> seeds, RunParameters parameters, String corpusId) {
        List<Violation> violations = new ArrayList<>();
        if (seeds != null && seeds.isEmpty()) {
            violations.add(new Violation("seedInstructions", "must not be empty; leave it out for the default seeds"));
        }
        RunSpec spec = new RunSpec(UUID.randomUUID().toString(), name, seeds == null ? defaultSeeds.get() : seeds,
                RunParameters.withDefaults(parameters), corpusId == null ? RunSpec.DEFAULT_CORPUS : corpusId, false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        violations.addAll(RunSpecValidator.validate(spec));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        StoredRun run = store.create(spec);
        try {
            publishSpec(spec.runId());
        } catch (PublishException e) {
            LOG.warnf("run %s could not be published: %s", spec.runId(), e.getMessage());
            store.fail(spec.runId(), "the run spec could not be published: " + e.getMessage());
            throw new ProblemException(503, "Service Unavailable",
                    "the run was stored as failed: its spec could not be published to Kafka");
        }
        worker.submit(spec.runId());
        return run;
    }

    /**
     * Cancels a run: stored and published as cancelled, so every stage stops taking its work. Cancelling a cancelled
     * run changes nothing; a run that is done cannot be cancelled.
     */
    public StoredRun cancel(String runId) {
        StoredRun run = find(runId);
        if (RunStatus.of(run.state(), ledger.funnel(runId).done()) == RunStatus.DONE) {
            throw new ProblemException(409, "Conflict", "run " + runId + " is done and cannot be cancelled");
        }
        StoredRun cancelled = store.cancel(runId).orElseThrow(() -> ProblemException.notFound("run", runId));
        try {
            publishSpec(runId);
        } catch (PublishException e) {
            throw new ProblemException(503, "Service Unavailable",
                    "the run is cancelled here, but the cancellation could not be published to Kafka; retry");
        }
        return cancelled;
    }

    public StoredRun find(String runId) {
        return store.find(runId).orElseThrow(() -> ProblemException.notFound("run", runId));
    }

    /** Sends the run's current stored spec; under the run's lock so the latest state is also the last record. */
    private void publishSpec(String runId) {
        synchronized (locks.of(runId)) {
            publisher.runSpec(store.find(runId).orElseThrow().spec());
        }
    }
}
