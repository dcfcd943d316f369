package dev.autoif.judge.domain;

import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the judge's samples for one response into a verdict (paper 3.3, query quality verification): the mean of
 * the readable scores must pass the run's threshold. A response with no readable score at all is not kept: the
 * judge's opinion is unknown, and keeping it would let a broken judge wave everything through.
 */
public final class JudgePolicy {

    /** Drop reason: the mean score did not pass the threshold. */
    public static final String BELOW_JUDGE_THRESHOLD = "below-judge-threshold";
    /** Drop reason: no sample gave a readable score, even after the retry. */
    public static final String UNSCORED = "unscored";

    /** Longest analysis kept; judges asked for a short analysis write far less. */
    public static final int MAX_ANALYSIS = 16_000;

    private JudgePolicy() {
    }

    public static Judgement decide(List<JudgeAnswer> answers, Threshold threshold) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("at least one judge sample is needed");
        }
        List<JudgeAnswer.Scored> scored = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (JudgeAnswer a : answers) {
            switch (a) {
                case JudgeAnswer.Scored s -> scored.add(s);
                case JudgeAnswer.Unscored u -> reasons.add(u.reason());
            }
        }
        if (scored.isEmpty()) {
            String why = "unscored: " + reasons.stream().distinct().collect(Collectors.joining("; "));
            return new Judgement(null, clip(why), JudgeStatus.UNSCORED, false, UNSCORED, answers.size(), 0);
        }
        double mean = mean(scored);
        boolean kept = threshold.accepts(mean);
        return new Judgement(mean, clip(analysis(scored)), JudgeStatus.SCORED, kept, kept ? null : BELOW_JUDGE_THRESHOLD,
                answers.size(), scored.size());
    }

    /**
     * Rounded to 6 decimals so that a mean such as (7.7 + 8.3) / 2 is exactly 8 and meets "&gt;= 8"; judges
     * write at most one or two decimals, so the rounding never changes a real score.
     */
    private static double mean(List<JudgeAnswer.Scored> scored) {
        double sum = 0;
        for (JudgeAnswer.Scored s : scored) {
            sum += s.score();
        }
        return Math.round(sum / scored.size() * 1e6) / 1e6;
    }

    private static String analysis(List<JudgeAnswer.Scored> scored) {
        if (scored.size() == 1) {
            return scored.getFirst().analysis();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < scored.size(); i++) {
            JudgeAnswer.Scored s = scored.get(i);
            if (i > 0) {
                b.append("\n\n");
            }
            b.append("[judge sample ").append(i + 1).append(", score ").append(format(s.score())).append("]\n")
                    .append(s.analysis());
        }
        return b.toString();
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String clip(String s) {
        return s.length() <= MAX_ANALYSIS ? s : s.substring(0, MAX_ANALYSIS - 3) + "...";
    }
}
