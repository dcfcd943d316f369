package dev.autoif.judge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.Threshold;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgePolicyTest {

    private static JudgeAnswer scored(double s) {
        return new JudgeAnswer.Scored(s, "analysis " + s);
    }

    @ParameterizedTest
    @CsvSource({
        // score, threshold, inclusive, kept
        "8, 8, true, true",
        "8, 8, false, false",
        "9, 8, false, true",
        "7.9, 8, true, false",
        "8.5, 8, false, true",
        "10, 10, true, true",
        "0, 0, false, false",
    })
    void keepsWhenTheThresholdAcceptsTheScore(double score, double threshold, boolean inclusive, boolean kept) {
        Judgement j = JudgePolicy.decide(List.of(scored(score)), new Threshold(threshold, inclusive));
        assertEquals(kept, j.kept());
        assertEquals(score, j.score());
        assertEquals(JudgeStatus.SCORED, j.status());
        assertEquals(kept ? null : JudgePolicy.BELOW_JUDGE_THRESHOLD, j.dropReason());
        assertEquals("analysis " + score, j.analysis());
    }

    @Test
    void theOriginalCodesGreaterThanEightDropsAnEight() {
        assertFalse(JudgePolicy.decide(List.of(scored(8)), Threshold.above(8)).kept());
        assertTrue(JudgePolicy.decide(List.of(scored(8)), Threshold.atLeast(8)).kept());
    }

    @Test
    void averagesTheScoredSamplesAndIgnoresUnreadableOnes() {
        Judgement j = JudgePolicy.decide(List.of(scored(7.7), new JudgeAnswer.Unscored("no 'Score:' line"),
                scored(8.3)), Threshold.atLeast(8));
        assertEquals(8.0, j.score());
        assertTrue(j.kept(), "(7.7 + 8.3) / 2 must meet >= 8 despite floating point");
        assertEquals(3, j.samples());
        assertEquals(2, j.scoredSamples());
        assertTrue(j.analysis().contains("[judge sample 1, score 7.7]\nanalysis 7.7"), j.analysis());
        assertTrue(j.analysis().contains("[judge sample 2, score 8.3]\nanalysis 8.3"), j.analysis());
    }

    @Test
    void aMeanBelowTheThresholdIsALowScore() {
        Judgement j = JudgePolicy.decide(List.of(scored(9), scored(6)), Threshold.atLeast(8));
        assertEquals(7.5, j.score());
        assertFalse(j.kept());
        assertEquals(JudgePolicy.BELOW_JUDGE_THRESHOLD, j.dropReason());
    }

    @Test
    void noReadableScoreIsUnscoredAndDroppedWithTheReasons() {
        Judgement j = JudgePolicy.decide(List.of(new JudgeAnswer.Unscored("no 'Score:' line"),
                new JudgeAnswer.Unscored("score 11 outside 0..10"), new JudgeAnswer.Unscored("no 'Score:' line")),
                Threshold.atLeast(0));
        assertNull(j.score());
        assertFalse(j.kept(), "a threshold of >= 0 must not keep what the judge never scored");
        assertEquals(JudgeStatus.UNSCORED, j.status());
        assertEquals(JudgePolicy.UNSCORED, j.dropReason());
        assertEquals("unscored: no 'Score:' line; score 11 outside 0..10", j.analysis());
        assertEquals(0, j.scoredSamples());
    }

    @Test
    void longAnalysesAreClipped() {
        Judgement j = JudgePolicy.decide(List.of(new JudgeAnswer.Scored(9, "x".repeat(50_000))),
                Threshold.atLeast(8));
        assertEquals(JudgePolicy.MAX_ANALYSIS, j.analysis().length());
    }

    @Test
    void needsASample() {
        assertThrows(IllegalArgumentException.class, () -> JudgePolicy.decide(List.of(), Threshold.atLeast(8)));
    }
}
