package dev.autoif.judge.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the judge's {@code Score: N} line (paper, Appendix G: "give a score ... at the last line"). Models decorate
 * that line in many ways, so the label tolerates markdown emphasis, list/heading markers, any case and a
 * "final"/"overall" prefix, and the value tolerates emphasis, {@code /10}, a trailing period and a parenthesised
 * remark. Only the last label line counts: an earlier one may be an example or a draft the model then revised,
 * and falling back to it when the last one is broken would score something the model did not conclude.
 */
public final class ScoreParser {

    public static final double MIN = 0;
    public static final double MAX = 10;

    /** A line whose label is "Score:"; group {@code value} is everything after the colon. */
    private static final Pattern LABEL = Pattern.compile(
            "^\\s*(?:[>#*+\\-]\\s*)*[*_]*\\s*(?:(?:final|overall)\\s+)?score[*_]*\\s*:\\s*(?<value>.*)$",
            Pattern.CASE_INSENSITIVE);

    /** The value: a number, optionally "/ D" or "out of D", wrapped in emphasis, then an optional remark. */
    private static final Pattern VALUE = Pattern.compile(
            "^[*_\\[]*\\s*(?<num>[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*[*_\\]]*"
                    + "(?:\\s*(?:/|out\\s+of)\\s*[*_]*(?<den>\\d+(?:\\.\\d+)?)[*_]*)?"
                    + "\\s*[*_]*\\s*\\.?\\s*[*_]*\\s*(?:\\([^()]*\\)\\s*\\.?)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private ScoreParser() {
    }

    public static JudgeAnswer parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return new JudgeAnswer.Unscored("empty answer");
        }
        List<String> lines = answer.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher label = LABEL.matcher(lines.get(i));
            if (label.matches()) {
                String analysis = String.join("\n", lines.subList(0, i)).strip();
                return value(label.group("value").strip(), analysis);
            }
        }
        return new JudgeAnswer.Unscored("no 'Score:' line");
    }

    private static JudgeAnswer value(String text, String analysis) {
        Matcher m = VALUE.matcher(text);
        if (!m.matches()) {
            return new JudgeAnswer.Unscored("last 'Score:' line has no single number: '" + abbreviate(text) + "'");
        }
        String den = m.group("den");
        if (den != null && Double.parseDouble(den) != MAX) {
            return new JudgeAnswer.Unscored("score is out of " + den + ", not out of 10");
        }
        double score = Double.parseDouble(m.group("num"));
        if (!(score >= MIN && score <= MAX)) {
            return new JudgeAnswer.Unscored("score " + m.group("num") + " outside 0..10");
        }
        return new JudgeAnswer.Scored(score, analysis);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
