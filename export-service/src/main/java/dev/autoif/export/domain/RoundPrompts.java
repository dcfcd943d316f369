package dev.autoif.export.domain;

import dev.autoif.contracts.RoundPrompt;
import dev.autoif.contracts.RoundRequested;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The prompts of an online DPO round (paper 3.4: the policy samples on the training prompts): the run's kept SFT
 * prompts (those the SFT export holds at its default thresholds), all of them or a sample drawn with the round's
 * seed, in export order.
 */
public final class RoundPrompts {

    private RoundPrompts() {
    }

    public static List<RoundPrompt> of(Iterator<JudgedSample> sorted, RoundRequested round) {
        PromptForm form = PromptForm.valueOf(round.promptForm().toUpperCase(Locale.ROOT));
        List<JudgedSample> kept = new ArrayList<>(SftLines.acceptedByPrompt(sorted, SftThresholds.asJudged(), Split.none())
                .map(List::getFirst).toList());
        if (round.prompts() != null && round.prompts() < kept.size()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(round.seed() ^ round.round()));
            List<Integer> picked = new ArrayList<>(order.subList(0, round.prompts()));
            picked.sort(Comparator.naturalOrder());
            kept = picked.stream().map(kept::get).toList();
        }
        return kept.stream().map(s -> new RoundPrompt(round.runId(), round.round(), sampleId(s, round.round()),
                s.instructionId(), s.instruction(), s.queryId(), s.query(), s.prompt(), s.userTurn(form),
                round.policy(), round.k(), round.temperature(), round.seed())).toList();
    }

    /** Distinct from the run's own sample ids ({@code ...|a<attempt>}) and from other rounds'. */
    public static String sampleId(JudgedSample s, int round) {
        return s.instructionId() + "|" + s.queryId() + "|round" + round;
    }
}
