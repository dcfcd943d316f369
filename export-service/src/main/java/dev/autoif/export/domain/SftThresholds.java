package dev.autoif.export.domain;

/**
 * Which judgements an SFT export keeps. Without a minimum score the judge's own decision (the run's threshold)
 * stands; with one, every scored judgement is decided again from its stored score. A minimum pass rate tightens
 * either. Both are inclusive lower bounds.
 *
 * @param minScore null: keep what the judge kept
 * @param minPassRate null: no extra pass-rate bound
 */
public record SftThresholds(Double minScore, Double minPassRate) {

    public static SftThresholds asJudged() {
        return new SftThresholds(null, null);
    }

    public boolean accepts(JudgedSample s) {
        boolean byScore = minScore == null ? s.kept() : s.score() != null && s.score() >= minScore;
        return byScore && (minPassRate == null || s.passRate() >= minPassRate);
    }
}
