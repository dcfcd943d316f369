package dev.autoif.verifier.domain;

import dev.autoif.contracts.Verdict;
import java.util.List;

/**
 * What cross-validation saw of one instruction, kept or dropped, for people asking "why did it go?": every
 * function's verdict on every case and its fate, every case's accuracy and whether it was kept.
 *
 * @param functions in candidate order
 * @param cases in candidate order
 */
public record CrossValidationReport(List<FunctionReport> functions, List<CaseReport> cases) {

    /** A function that reached the accuracy threshold (the instruction's own outcome is said apart). */
    public static final String KEPT = "kept";
    /** A compiled function never graded: the instruction was dropped before functions were graded. */
    public static final String NOT_GRADED = "not-graded";

    /**
     * @param outcome {@link #KEPT}, {@link #NOT_GRADED} or the {@code function-*} drop reason
     * @param accuracy share of the kept cases it judged right; null when it was not graded
     * @param verdicts the sandbox's verdict per case, in case order (empty when it never loaded)
     */
    public record FunctionReport(String functionId, String outcome, Double accuracy, List<Verdict> verdicts) {
    }

    /**
     * @param accuracy share of the voting functions that judged it right; null when no function voted
     * @param kept whether the case reached the case-accuracy threshold
     */
    public record CaseReport(String input, boolean expected, Double accuracy, boolean kept) {
    }
}
