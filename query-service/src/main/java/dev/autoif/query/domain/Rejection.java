package dev.autoif.query.domain;

import dev.autoif.contracts.Threshold;
import dev.autoif.contracts.VerifiedResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejection sampling for one instruction x query (paper 3.3): responses whose pass rate meets the run's threshold go
 * on; query-level preference candidates are the responses passing more than half the functions (chosen) and those
 * passing none (rejected).
 *
 * @param accepted responses meeting the threshold, in index order
 * @param below how many responses missed it
 * @param chosen preference candidates with pass rate &gt; 0.5
 * @param rejected preference candidates with pass rate 0
 */
public record Rejection(List<VerifiedResponse> accepted, int below, List<VerifiedResponse> chosen,
        List<VerifiedResponse> rejected) {

    /** A sample is resampled at most once (attempt 0 may be sampled again, a resample may not). */
    public static final int MAX_ATTEMPT = 1;

    public static Rejection of(List<VerifiedResponse> responses, Threshold threshold) {
        List<VerifiedResponse> accepted = new ArrayList<>();
        List<VerifiedResponse> chosen = new ArrayList<>();
        List<VerifiedResponse> rejected = new ArrayList<>();
        int below = 0;
        for (VerifiedResponse r : responses) {
            if (threshold.accepts(r.passRate())) {
                accepted.add(r);
            } else {
                below++;
            }
            if (r.passRate() > 0.5) {
                chosen.add(r);
            } else if (r.passRate() == 0.0) {
                rejected.add(r);
            }
        }
        return new Rejection(List.copyOf(accepted), below, List.copyOf(chosen), List.copyOf(rejected));
    }

    public boolean nonePassed() {
        return accepted.isEmpty();
    }

    /** Nothing passed and this was the first attempt: the pair may be sampled once more if the budget allows. */
    public boolean mayResample(int attempt) {
        return nonePassed() && attempt < MAX_ATTEMPT;
    }

    public boolean hasPreferencePair() {
        return !chosen.isEmpty() && !rejected.isEmpty();
    }
}
