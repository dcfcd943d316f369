package dev.autoif.nli.domain;

import dev.autoif.contracts.ScoredFunction;
import java.util.Comparator;
import java.util.List;

/**
 * Which kept functions are back-translated when there are more than the run allows: the ones that best represent
 * the instruction, i.e. non-constant functions first, then by accuracy; ties keep their order, so the choice is
 * deterministic.
 */
public final class FunctionChoice {

    private FunctionChoice() {
    }

    public static List<ScoredFunction> choose(List<ScoredFunction> kept, int max) {
        return kept.stream()
                .sorted(Comparator.comparing(ScoredFunction::constant)
                        .thenComparing(Comparator.comparingDouble(ScoredFunction::accuracy).reversed()))
                .limit(Math.max(0, max))
                .toList();
    }
}
