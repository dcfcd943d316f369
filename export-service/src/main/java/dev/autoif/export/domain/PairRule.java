package dev.autoif.export.domain;

/**
 * The paper's preference rule (3.4), in one place: a response is chosen when its pass rate is above one half (or at
 * least an explicit bound), rejected when it passed no function at all. Query-level pairs, the funnel's count of
 * prompts with pairs and every other reader of pairs ask this class.
 */
public final class PairRule {

    /** Chosen responses pass strictly more than this share of the functions unless a bound is given. */
    public static final double CHOSEN_ABOVE = 0.5;

    /** Rejected responses pass at most this share: none. */
    public static final double REJECTED_AT_MOST = 0.0;

    private PairRule() {
    }

    /** @param minChosenPassRate null: the paper's strict "above 0.5"; otherwise an inclusive bound above 0 */
    public static boolean chosen(double passRate, Double minChosenPassRate) {
        return minChosenPassRate == null ? passRate > CHOSEN_ABOVE : passRate >= minChosenPassRate;
    }

    public static boolean rejected(double passRate) {
        return passRate <= REJECTED_AT_MOST;
    }
}
