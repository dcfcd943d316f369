package dev.autoif.verifier.domain;

import dev.autoif.contracts.Verdict;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.verifier.sandbox.FunctionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Response verification (paper 3.3): each response's verdict per function and its pass rate, passes / functions.
 * A function that did not load counts as not passed: it was kept at cross-validation, so failing to load now means
 * the limits changed, and a response should not profit from that.
 */
public final class ResponseScorer {

    private ResponseScorer() {
    }

    /** {@code results.get(f)} holds function f's verdicts on {@code responses}, in response order. */
    public static List<VerifiedResponse> score(List<String> responses, List<FunctionResult> results) {
        List<VerifiedResponse> scored = new ArrayList<>(responses.size());
        for (int r = 0; r < responses.size(); r++) {
            List<Verdict> verdicts = new ArrayList<>(results.size());
            int passes = 0;
            for (FunctionResult f : results) {
                Verdict v = f.verdicts().get(r);
                verdicts.add(v);
                passes += v == Verdict.PASS ? 1 : 0;
            }
            double passRate = results.isEmpty() ? 0 : (double) passes / results.size();
            scored.add(new VerifiedResponse(r, responses.get(r), passRate, verdicts));
        }
        return scored;
    }
}
