package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Behaviour;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.prompt.RecognizedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Answers the self-instruct prompt: {@code count} lines starting with "- ", like a model asked for new instructions.
 * In the diversity mode the constraints come from {@link Catalogue#drawDiverse}; styles and repeats as always.
 */
final class SelfInstructPlayer {

    /** Style instructions a real model slips in although the prompt asks for format only. */
    static final List<String> STYLE = List.of(
            "Write the response in the voice of a pirate captain.",
            "Make your answer sound warm and enthusiastic.",
            "Use vivid metaphors throughout your answer.",
            "Answer as if you were a medieval knight.",
            "Translate your answer into French.",
            "Keep a humorous tone in every paragraph.",
            "Weave a famous quotation naturally into your answer.",
            "Write in a formal academic style.");

    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 200;

    private final Catalogue catalogue;

    SelfInstructPlayer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String answer(RecognizedPrompt prompt, SplittableRandom rng, Settings settings) {
        int count = prompt.field("count").map(Integer::parseInt).orElse(DEFAULT_COUNT);
        count = Math.max(1, Math.min(MAX_COUNT, count));
        List<String> examples = prompt.field("examples").stream()
                .flatMap(e -> e.lines())
                .map(String::strip)
                .filter(l -> l.startsWith("- "))
                .map(l -> l.substring(2).strip())
                .toList();
        double style = settings.behaviour(Behaviour.SELF_INSTRUCT_STYLE);
        double dup = settings.behaviour(Behaviour.SELF_INSTRUCT_DUPLICATE);
        boolean diverse = settings.diverseInstructions();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double u = rng.nextDouble();
            String line;
            if (u < style) {
                line = Draws.pick(rng, STYLE);
            } else if (u < style + dup && !(lines.isEmpty() && examples.isEmpty())) {
                List<String> pool = new ArrayList<>(lines);
                pool.addAll(examples);
                line = Draws.pick(rng, pool);
            } else {
                line = (diverse ? catalogue.drawDiverse(rng) : catalogue.draw(rng)).instruction(rng);
            }
            lines.add(line);
        }
        return String.join("\n", lines.stream().map(l -> "- " + l).toList());
    }
}
