package dev.autoif.judge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScoreParserTest {

    private static double score(String answer) {
        JudgeAnswer a = ScoreParser.parse(answer);
        return assertInstanceOf(JudgeAnswer.Scored.class, a, () -> "expected a score from: " + answer).score();
    }

    private static String reason(String answer) {
        JudgeAnswer a = ScoreParser.parse(answer);
        return assertInstanceOf(JudgeAnswer.Unscored.class, a, () -> "expected no score from: " + answer).reason();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Score: 9|9",
        "Score:9|9",
        "  Score :   7  |7",
        "score: 7|7",
        "SCORE: 3|3",
        "**Score:** 9|9",
        "**Score**: 9|9",
        "**Score: 9**|9",
        "*Score: 6*|6",
        "__Score:__ 5|5",
        "Score: **9**|9",
        "Score: 8/10|8",
        "Score: 8 / 10|8",
        "Score: 8 out of 10|8",
        "**Score:** 8/10.|8",
        "Score: 8.5|8.5",
        "Score: 8.|8",
        "Score: 7.|7",
        "Score: 0|0",
        "Score: 10|10",
        "Score: 10/10|10",
        "Score: 9 (minor issues)|9",
        "- Score: 4|4",
        "### Score: 2|2",
        "> Score: 6|6",
        "Final score: 9|9",
        "Overall Score: 1|1",
        "Score: [8]|8",
    })
    void readsTheDecoratedScoreLine(String line, double expected) {
        assertEquals(expected, score("The response fits the query.\n" + line));
    }

    @Test
    void theAnalysisIsTheTextBeforeTheScoreLine() {
        JudgeAnswer a = ScoreParser.parse("The response answers the query.\r\nIt keeps the limit.\r\n\r\nScore: 8\r\n");
        JudgeAnswer.Scored s = assertInstanceOf(JudgeAnswer.Scored.class, a);
        assertEquals(8, s.score());
        assertEquals("The response answers the query.\nIt keeps the limit.", s.analysis());
    }

    @Test
    void aScoreAloneHasAnEmptyAnalysis() {
        JudgeAnswer.Scored s = assertInstanceOf(JudgeAnswer.Scored.class, ScoreParser.parse("Score: 3"));
        assertEquals("", s.analysis());
    }

    @Test
    void theLastScoreLineWins() {
        String answer = """
                A good answer would get e.g.
                Score: 10
                but this one ignores the query.
                Score: 2
                """;
        JudgeAnswer.Scored s = assertInstanceOf(JudgeAnswer.Scored.class, ScoreParser.parse(answer));
        assertEquals(2, s.score());
        assertTrue(s.analysis().endsWith("ignores the query."), s.analysis());
    }

    @Test
    void aBrokenLastScoreLineIsNotRescuedByAnEarlierOne() {
        assertTrue(reason("Score: 9\nOn reflection the response is off-topic.\nScore: low").contains("no single number"));
    }

    @Test
    void textAfterTheScoreLineDoesNotHideIt() {
        assertEquals(7, score("Analysis.\nScore: 7\n\nI hope this helps."));
    }

    @Test
    void wordsThatMerelyContainScoreAreNotTheLabel() {
        assertTrue(reason("The score: it depends on the query.\nMy score: 9").contains("no 'Score:' line"));
        assertTrue(reason("Score breakdown below\nrelevance 9").contains("no 'Score:' line"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Score: 11", "Score: -1", "Score: 10.5", "Score: 100", "Score: 12/10"})
    void rejectsScoresOutsideZeroToTen(String line) {
        assertTrue(reason("ok\n" + line).contains("outside 0..10"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Score: 8/100", "Score: 4/5", "Score: 8 out of 20"})
    void rejectsOtherScales(String line) {
        assertTrue(reason(line).contains("not out of 10"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Score: nine", "Score:", "Score: 7-8", "Score: 7 or 8", "Score: 8, maybe 9",
        "Score: N/A", "Score: 7 8"})
    void rejectsLinesWithoutOneNumber(String line) {
        assertTrue(reason("Analysis.\n" + line).contains("no single number"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "The response is fine, I would give it nine.", "Rating: 9", "9"})
    void rejectsAnswersWithoutAScoreLine(String answer) {
        assertInstanceOf(JudgeAnswer.Unscored.class, ScoreParser.parse(answer));
    }

    @Test
    void rejectsNull() {
        assertEquals("empty answer", reason(null));
    }

    @Test
    void longBrokenValuesAreAbbreviatedInTheReason() {
        String r = reason("Score: " + "very ".repeat(40) + "good");
        assertTrue(r.length() < 120, r);
    }
}
