package dev.autoif.nli.domain;

import dev.autoif.contracts.NliLabel;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the label out of the LLM fallback's NLI answer: the label its first word names, else the only label the
 * answer mentions. An answer naming several labels without leading with one is ambiguous, not guessed.
 */
public final class NliAnswerParser {

    private static final Pattern WORD = Pattern.compile("\\b(entail\\w*|neutral\\w*|contradict\\w*)\\b");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^a-z]*([a-z]+)");

    private NliAnswerParser() {
    }

    /**
     * @throws IllegalArgumentException when the answer names no label or several, with the reason
     */
    public static NliLabel parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("empty answer");
        }
        String text = answer.toLowerCase(Locale.ROOT).strip();
        Matcher first = FIRST_WORD.matcher(text);
        if (first.find()) {
            NliLabel lead = label(first.group(1));
            if (lead != null) {
                return lead;
            }
        }
        Set<NliLabel> named = EnumSet.noneOf(NliLabel.class);
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            named.add(label(m.group(1)));
        }
        if (named.size() == 1) {
            return named.iterator().next();
        }
        throw new IllegalArgumentException(named.isEmpty() ? "no label (entailment, neutral, contradiction) in "
                + "the answer" : "the answer names several labels " + named);
    }

    private static NliLabel label(String word) {
        if (word.startsWith("entail")) {
            return NliLabel.ENTAILMENT;
        }
        if (word.startsWith("neutral")) {
            return NliLabel.NEUTRAL;
        }
        if (word.startsWith("contradict")) {
            return NliLabel.CONTRADICTION;
        }
        return null;
    }
}
