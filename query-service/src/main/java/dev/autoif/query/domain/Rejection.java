package dev.autoif.query.domain;

import dev.autoif.contracts.Threshold;
import dev.autoif.contracts.VerifiedResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejection sampling for one instruction x query (paper 3.3): responses whose pass rate meets the run's threshold go
 * on. (Query-level preference pairs are export-service's: it stores every verified response with its pass rate.)
 *
 * @param accepted responses meeting the threshold, in index order
 * @param below how many responses missed it
 */
public record Rejection(List<VerifiedResponse> accepted, int below) {

    /** A sample is resampled at most once (attempt 0 may be sampled again, a resample may not). */
    public static final int MAX_ATTEMPT = 1;

    public static Rejection of(List<VerifiedResponse> responses, Threshold threshold) {
        List<VerifiedResponse> accepted = new ArrayList<>();
        int below = 0;
        for (VerifiedResponse r : responses) {
            if (threshold.accepts(r.passRate())) {
                accepted.add(r);
            } else {
                below++;
            }
        }
        return new Rejection(List.copyOf(accepted), below);
    }

    public boolean nonePassed() {
        return accepted.isEmpty();
    }

    /** Nothing passed and this was the first attempt: the pair may be sampled once more if the budget allows. */
    public boolean mayResample(int attempt) {
        return nonePassed() && attempt < MAX_ATTEMPT;
    }
}
