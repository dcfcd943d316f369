package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Behaviour;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import java.util.Optional;
import java.util.SplittableRandom;

/** Answers the back-translation prompt: the instruction a function checks, or at a set rate its opposite. */
final class BackTranslationPlayer {

    static final String GENERIC_INSTRUCTION = "Your response must not be empty.";
    static final String UNKNOWN_INSTRUCTION = "Make sure the response passes every check in the given function.";

    private final Catalogue catalogue;

    BackTranslationPlayer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String answer(String function, SplittableRandom rng, Settings settings) {
        boolean contradict = Draws.chance(rng, settings.behaviour(Behaviour.BACK_TRANSLATION_CONTRADICTION));
        Optional<Constraint> parsed = catalogue.parseFunction(function);
        if (parsed.isPresent()) {
            Constraint c = contradict ? parsed.get().negate() : parsed.get();
            return c.instruction(rng);
        }
        if (function.contains("len(response.strip()) > 0")) {
            return contradict ? "Your response must be empty." : GENERIC_INSTRUCTION;
        }
        return UNKNOWN_INSTRUCTION;
    }
}
