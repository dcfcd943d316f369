package dev.autoif.nli.domain;

import dev.autoif.contracts.NliLabel;

/** The label of one pair and the three class probabilities (they sum to 1). */
public record NliScores(NliLabel label, double entailment, double neutral, double contradiction) {

    /** A judge that only names a label (the LLM fallback without probabilities) is certain of it. */
    public static NliScores certain(NliLabel label) {
        return new NliScores(label, label == NliLabel.ENTAILMENT ? 1 : 0, label == NliLabel.NEUTRAL ? 1 : 0,
                label == NliLabel.CONTRADICTION ? 1 : 0);
    }
}
