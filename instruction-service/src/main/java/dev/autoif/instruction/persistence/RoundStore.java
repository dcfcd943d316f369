package dev.autoif.instruction.persistence;

import dev.autoif.platform.persistence.RunRoundKey;
import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.RoundRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The online DPO rounds of runs. */
@ApplicationScoped
public class RoundStore {

    /**
     * Stores the run's next round (1 after none) with the given settings and returns it as the record to publish. Two
     * requests at once may pick the same number: the second one's insert fails on the primary key.
     */
    @Transactional
    public RoundRequested next(String runId, PolicyEndpoint policy, int k, double temperature, Integer prompts,
            String promptForm, long seed) {
        Integer last = RoundEntity.find("select max(r.round) from RoundEntity r where r.runId = ?1", runId)
                .project(Integer.class).firstResult();
        RoundEntity e = new RoundEntity();
        e.runId = runId;
        e.round = last == null ? 1 : last + 1;
        e.baseUrl = policy.baseUrl();
        e.model = policy.model();
        e.apiKeyEnv = policy.apiKeyEnv();
        e.k = k;
        e.temperature = temperature;
        e.prompts = prompts;
        e.promptForm = promptForm;
        e.seed = seed;
        e.requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        e.persistAndFlush();
        return record(e);
    }

    @Transactional
    public void delete(String runId, int round) {
        RoundEntity.deleteById(new RunRoundKey(runId, round));
    }

    public List<RoundRequested> of(String runId) {
        return RoundEntity.<RoundEntity>list("runId = ?1 order by round", runId).stream().map(RoundStore::record)
                .toList();
    }

    private static RoundRequested record(RoundEntity e) {
        return new RoundRequested(e.runId, e.round, new PolicyEndpoint(e.baseUrl, e.model, e.apiKeyEnv), e.k,
                e.temperature, e.prompts, e.promptForm, e.seed);
    }
}
