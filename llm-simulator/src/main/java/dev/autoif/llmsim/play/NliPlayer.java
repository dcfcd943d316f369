package dev.autoif.llmsim.play;

import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers the NLI fallback prompt. Two readings of the same family agree when their parameters and polarity agree
 * (entailment) and contradict otherwise; different or unreadable instructions are neutral unless identical.
 */
final class NliPlayer {

    private final Catalogue catalogue;

    NliPlayer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String answer(String premise, String hypothesis) {
        Optional<Constraint> p = catalogue.parseInstruction(premise);
        Optional<Constraint> h = catalogue.parseInstruction(hypothesis);
        if (p.isPresent() && h.isPresent() && p.get().sameFamily(h.get())) {
            boolean same = p.get().params().equals(h.get().params()) && p.get().negated() == h.get().negated();
            return same ? "entailment" : "contradiction";
        }
        if (normalise(premise).equals(normalise(hypothesis))) {
            return "entailment";
        }
        return "neutral";
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
