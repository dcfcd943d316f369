package dev.autoif.instruction.pipeline;

import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.RunSpecValidator;
import dev.autoif.contracts.Violation;
import dev.autoif.instruction.api.RunEstimate;
import dev.autoif.instruction.config.DefaultSeeds;
import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.persistence.CorpusRegistry;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private final CorpusRegistry corpora;
    private final java.time.Duration publishTimeout;
    private final RunEstimator estimator;

    public RunService(RunStore store, Publisher publisher, DefaultSeeds defaultSeeds, ProgressLedger ledger,
            RunWorker worker, CorpusRegistry corpora, InstructionConfig config, RunEstimator estimator) {
        this.estimator = estimator;
        this.corpora = corpora;
        this.publishTimeout = config.publishTimeout();
        this.store = store;
        this.publisher = publisher;
        this.defaultSeeds = defaultSeeds;
        this.ledger = ledger;
        this.worker = worker;
    }

    /**
     * Stores and publishes a run whose request already passed Bean Validation, then queues its work. Every default
     * is filled here, once, so the spec on the topic carries every value. A spec that breaks a cross-field rule or
     * names an unknown corpus stores nothing.
     *
     * @throws ProblemException 400 naming every invalid field; 422 for an unknown corpus; 503 when the broker did
     *     not take the spec (the run is then removed again: nothing half-written stays)
     */
    public StoredRun submit(String name, List<String> seeds, RunParameters parameters, String corpusId) {
        return submit(name, seeds, parameters, corpusId, null);
    }

    /** As {@link #submit(String, List, RunParameters, String)}, with a budget in dollars (null: none). */
    public StoredRun submit(String name, List<String> seeds, RunParameters parameters, String corpusId,
            Double maxCostUsd) {
        RunSpec spec = spec(name, seeds, parameters, corpusId, maxCostUsd);
        StoredRun run = store.create(spec);
        try {
            publishSpec(spec.runId());
        } catch (PublishException e) {
            LOG.warnf("run %s could not be published and was removed: %s", spec.runId(), e.getMessage());
            store.delete(spec.runId());
            throw unavailable("the run was not started: the broker did not take its spec within "
                    + publishTimeout + "; nothing was stored, retry later");
        }
        worker.submit(spec.runId());
        return run;
    }

    /**
     * A dry run: the spec is checked as {@link #submit} checks it (the same 400 and 422), then estimated; nothing is
     * stored, published or started.
     */
    public RunEstimate estimate(String name, List<String> seeds, RunParameters parameters, String corpusId,
            Double maxCostUsd) {
        return estimator.estimate(spec(name, seeds, parameters, corpusId, maxCostUsd));
    }

    /** The spec of a new run, every default filled; throws the 400 or 422 a submission gets. */
    private RunSpec spec(String name, List<String> seeds, RunParameters parameters, String corpusId,
            Double maxCostUsd) {
        RunSpec spec = new RunSpec(UUID.randomUUID().toString(), name, seeds == null ? defaultSeeds.get() : seeds,
                parameters, corpusId == null ? RunSpec.DEFAULT_CORPUS : corpusId, false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), maxCostUsd, false);
        List<Violation> violations = RunSpecValidator.validate(spec);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (!corpora.exists(spec.corpusId())) {
            throw new ProblemException(422, "Unprocessable Content", "corpus " + spec.corpusId()
                    + " does not exist in the query service (upload it with POST /corpora on query-service)",
                    List.of(new Violation("corpusId", "no corpus '" + spec.corpusId() + "' in the query service")));
        }
        return spec;
    }

    /**
     * A new budget: published first, then stored (as a cancellation is). The run is budget-exhausted while its
     * spend is at or above the budget, so a higher budget resumes a paused run and a lower one may pause it.
     *
     * @throws ProblemException 404; 409 for a run that is done or cancelled; 503 when the broker did not take it
     */
    public StoredRun updateBudget(String runId, double maxCostUsd) {
        StoredRun run = find(runId);
        RunStatus status = RunStatus.of(run.state(), ledger.funnel(runId).done());
        if (status == RunStatus.DONE || status == RunStatus.CANCELLED) {
            throw new ProblemException(409, "Conflict", "run " + runId + " is " + status.name().toLowerCase(Locale.ROOT)
                    + ": its budget cannot change");
        }
        try {
            return publishBudget(runId, maxCostUsd).orElseThrow();
        } catch (PublishException e) {
            throw unavailable("the budget was not changed: the broker did not take it within " + publishTimeout
                    + "; retry later");
        }
    }

    /**
     * Pauses a run whose spend reached its budget (called as spend arrives on runs.progress); a run without budget,
     * under it, already paused or cancelled is left alone. A publish failure is retried with the next check.
     */
    public void enforceBudget(String runId) {
        Optional<StoredRun> run = store.find(runId);
        if (run.isEmpty()) {
            return;
        }
        RunSpec spec = run.get().spec();
        if (spec.maxCostUsd() == null || spec.budgetExhausted() || spec.cancelled()
                || ledger.funnel(runId).costMicroUsd() < Math.round(spec.maxCostUsd() * 1e6)) {
            return;
        }
        publishBudget(runId, spec.maxCostUsd());
        LOG.infof("run %s: spend reached its budget of $%s, paused (budget-exhausted)", runId, spec.maxCostUsd());
    }

    /** Publishes and stores the run's spec with this budget and the pause flag its spend says, under its lock. */
    private Optional<StoredRun> publishBudget(String runId, double maxCostUsd) {
        synchronized (locks.of(runId)) {
            RunSpec current = store.find(runId).orElseThrow(() -> ProblemException.notFound("run", runId)).spec();
            boolean exhausted = ledger.funnel(runId).costMicroUsd() >= Math.round(maxCostUsd * 1e6);
            RunSpec next = current.withBudget(maxCostUsd, exhausted);
            if (next.equals(current)) {
                return store.find(runId);
            }
            publisher.runSpec(next);
            return store.updateSpec(next);
        }
    }

    /**
     * Cancels a run: published as cancelled first, then stored so, so every stage stops taking its work. When the
     * broker does not take the cancellation nothing changes here either. Cancelling a cancelled run changes nothing;
     * a run that is done cannot be cancelled.
     */
    public StoredRun cancel(String runId) {
        StoredRun run = find(runId);
        if (RunStatus.of(run.state(), ledger.funnel(runId).done()) == RunStatus.DONE) {
            throw new ProblemException(409, "Conflict", "run " + runId + " is done and cannot be cancelled");
        }
        synchronized (locks.of(runId)) {
            RunSpec current = store.find(runId).orElseThrow(() -> ProblemException.notFound("run", runId)).spec();
            try {
                publisher.runSpec(current.cancel());
            } catch (PublishException e) {
                throw unavailable("the run was not cancelled: the broker did not take the cancellation within "
                        + publishTimeout + "; retry later");
            }
            return store.cancel(runId).orElseThrow(() -> ProblemException.notFound("run", runId));
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail);
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
