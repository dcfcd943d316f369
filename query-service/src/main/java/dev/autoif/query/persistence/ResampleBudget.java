package dev.autoif.query.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The per-run resample budget. Spending is one conditional UPDATE ({@code used < budget}), atomic in the database,
 * so concurrent consumers (threads or replicas) never overspend; the decision per sample is stored in the same
 * transaction, so asking twice for the same sample returns the first answer.
 */
@ApplicationScoped
public class ResampleBudget {

    private static final int ATTEMPTS = 3;

    /** True when {@code sampleId} may be resampled (and the budget was charged for it, once). */
    public boolean grant(String runId, String sampleId, int budget) {
        RuntimeException last = null;
        // Two first grants of one run may race to create its counter row; the loser retries and finds it.
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> decide(runId, sampleId, budget));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    public int used(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> RunResampleCount.<RunResampleCount>findByIdOptional(runId)
                .map(c -> c.used).orElse(0));
    }

    private static boolean decide(String runId, String sampleId, int budget) {
        ResampleGrant earlier = ResampleGrant.findById(sampleId);
        if (earlier != null) {
            return earlier.granted;
        }
        if (RunResampleCount.findById(runId) == null) {
            RunResampleCount c = new RunResampleCount();
            c.runId = runId;
            c.used = 0;
            c.persist();
            RunResampleCount.flush();
        }
        boolean granted = budget > 0 && RunResampleCount.update("used = used + 1 where runId = ?1 and used < ?2",
                runId, budget) == 1;
        ResampleGrant g = new ResampleGrant();
        g.sampleId = sampleId;
        g.runId = runId;
        g.granted = granted;
        g.decidedAt = Instant.now();
        g.persist();
        return granted;
    }
}
