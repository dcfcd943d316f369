package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Fault;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import dev.autoif.llmsim.catalogue.TextKit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Answers the judge prompt: an analysis, then "Score: N" on the last line. On-topic and compliant scores 8-10,
 * on-topic but breaking the constraint 4-6, off-topic 1-3 (an unreadable instruction counts as met, 7-9).
 */
final class JudgePlayer {

    private final Catalogue catalogue;

    JudgePlayer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Whether the response shares a content word with the query (also in the simulator's Cyrillic spelling). */
    static boolean onTopic(String query, String response) {
        List<String> words = TextKit.topicWords(query);
        if (words.isEmpty()) {
            return true;
        }
        String r = response.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(w -> r.contains(w) || r.contains(TextKit.toCyrillic(w)));
    }

    String answer(String instruction, String query, String response, SplittableRandom rng, Fault fault) {
        Optional<Constraint> c = catalogue.parseInstruction(instruction);
        boolean related = onTopic(query, response);
        Boolean complies = c.map(k -> k.check(response)).orElse(null);
        StringBuilder a = new StringBuilder("Analysis:\n");
        int score;
        if (!related) {
            a.append("The response talks about something other than what the query asks, so it does not answer it.\n");
            score = 1 + rng.nextInt(3);
        } else {
            a.append("The response addresses the subject of the query.\n");
            if (complies == null) {
                a.append("The instruction is followed as far as I can tell.\n");
                score = 7 + rng.nextInt(3);
            } else if (complies) {
                a.append("It follows the instruction, which limits how much detail it can give, and that is acceptable.\n");
                score = 8 + rng.nextInt(3);
            } else {
                a.append("However it does not follow the instruction, which the query required.\n");
                score = 4 + rng.nextInt(3);
            }
        }
        if (fault == Fault.JUDGE_NO_SCORE) {
            a.append("Overall I would call this a ").append(score >= 7 ? "good" : "weak").append(" response.");
            return a.toString();
        }
        if (fault == Fault.JUDGE_OUT_OF_RANGE) {
            score = rng.nextBoolean() ? 11 + rng.nextInt(90) : -1 - rng.nextInt(5);
        }
        a.append("\nScore: ").append(score);
        return a.toString();
    }
}
