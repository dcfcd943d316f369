package dev.autoif.instruction.pipeline;

import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.RoundRequested;
import dev.autoif.instruction.domain.RunStatus;
import dev.autoif.instruction.messaging.PublishException;
import dev.autoif.instruction.messaging.Publisher;
import dev.autoif.instruction.persistence.RoundStore;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.progress.ProgressLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Online DPO rounds (paper 3.4): a finished run's next round is stored and published on the rounds topic; the
 * stages underneath do the work (export picks the prompts, query samples the policy, the verifier scores, export
 * pairs). A round the broker did not take is removed again, as a run is.
 */
@ApplicationScoped
public class RoundService {

    private static final Logger LOG = Logger.getLogger(RoundService.class);

    private final RunService runs;
    private final RoundStore rounds;
    private final Publisher publisher;
    private final ProgressLedger ledger;

    public RoundService(RunService runs, RoundStore rounds, Publisher publisher, ProgressLedger ledger) {
        this.runs = runs;
        this.rounds = rounds;
        this.publisher = publisher;
        this.ledger = ledger;
    }

    /**
     * @throws ProblemException 404 unknown run; 409 a run not done yet (it has no kept prompts to sample) or a round
     *     requested at the same moment took the number; 503 the broker did not take the round (nothing stored)
     */
    public RoundRequested start(String runId, PolicyEndpoint policy, int k, double temperature, Integer prompts,
            String promptForm, Long seed) {
        StoredRun run = runs.find(runId);
        if (RunStatus.of(run.state(), ledger.funnel(runId).done()) != RunStatus.DONE) {
            throw new ProblemException(409, "Conflict", "run " + runId + " is not done: a round samples its kept"
                    + " SFT prompts, which exist once the run is done");
        }
        RoundRequested round;
        try {
            round = rounds.next(runId, policy, k, temperature, prompts, promptForm,
                    seed != null ? seed : run.spec().parameters().seed());
        } catch (PersistenceException e) {
            throw new ProblemException(409, "Conflict", "another round of run " + runId
                    + " was requested at the same moment; retry");
        }
        try {
            publisher.round(round);
        } catch (PublishException e) {
            LOG.warnf("round %d of run %s could not be published and was removed: %s", round.round(), runId,
                    e.getMessage());
            rounds.delete(runId, round.round());
            throw new ProblemException(503, "Service Unavailable", "the round was not started: the broker did not"
                    + " take it in time; nothing was stored, retry later");
        }
        return round;
    }

    public List<RoundRequested> of(String runId) {
        runs.find(runId);
        return rounds.of(runId);
    }
}
