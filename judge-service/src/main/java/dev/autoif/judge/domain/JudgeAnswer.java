package dev.autoif.judge.domain;

/**
 * One judge answer read by {@link ScoreParser}: a score with the analysis written before it, or the reason no
 * score could be read.
 */
public sealed interface JudgeAnswer {

    /**
     * @param score 0..10 as the judge wrote it
     * @param analysis the judge's text before its score line, trimmed (may be empty)
     */
    record Scored(double score, String analysis) implements JudgeAnswer {
    }

    /** @param reason what was wrong with the answer, short enough for a log line or an export column */
    record Unscored(String reason) implements JudgeAnswer {
    }
}
