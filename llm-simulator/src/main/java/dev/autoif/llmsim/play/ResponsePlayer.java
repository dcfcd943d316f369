package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Behaviour;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import dev.autoif.llmsim.catalogue.TextKit;
import java.util.Optional;
import java.util.SplittableRandom;

/** Answers the response-generation prompt: on-topic prose shaped by the instruction's constraint, mostly obeyed. */
final class ResponsePlayer {

    private final Catalogue catalogue;

    ResponsePlayer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String answer(String instruction, String query, SplittableRandom rng, Settings settings) {
        boolean offTopic = Draws.chance(rng, settings.behaviour(Behaviour.RESPONSE_OFF_TOPIC));
        boolean violate = Draws.chance(rng, settings.behaviour(Behaviour.RESPONSE_VIOLATION));
        TextKit kit = offTopic ? TextKit.offTopic(rng) : TextKit.about(query, rng);
        Optional<Constraint> c = catalogue.parseInstruction(instruction);
        if (c.isEmpty()) {
            return kit.text(3);
        }
        return violate ? c.get().violate(kit) : c.get().comply(kit);
    }
}
