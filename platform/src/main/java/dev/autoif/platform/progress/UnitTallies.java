package dev.autoif.platform.progress;

import dev.autoif.contracts.Stage;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The funnel counts one unit per stage; a tally of another unit is shown apart. Cross-validation counts
 * instructions, and reports the functions inside them next to that: functions in and out as the modes
 * {@link #FUNCTIONS_IN} and {@link #FUNCTIONS_OUT}, function drops as {@code function-<reason>} among its drops
 * (where deltas of earlier releases put them too). This splits them: the stage keeps its instruction counts only,
 * and the functions get their own tally.
 */
public final class UnitTallies {

    /** The tally's name in a funnel view. */
    public static final String FUNCTIONS = "functions";
    /** Mode key: functions cross-validation took in (every candidate function). */
    public static final String FUNCTIONS_IN = "functions-in";
    /** Mode key: functions it kept in the instructions it passed on. */
    public static final String FUNCTIONS_OUT = "functions-out";
    /** Prefix of a function-level drop reason. */
    public static final String FUNCTION_DROP = "function-";

    /**
     * One unit's counts inside a stage.
     *
     * @param in units taken in, null when the stage's deltas did not say (earlier releases)
     * @param out units passed on, null when not said
     */
    public record Tally(Long in, Long out, Map<String, Long> dropped) {
    }

    private UnitTallies() {
    }

    /** The tallies of other units than the stages' own, by name ({@link #FUNCTIONS}). */
    public static Map<String, Tally> of(Funnel funnel) {
        StageTotals cv = funnel.stage(Stage.CROSS_VALIDATION);
        Map<String, Long> dropped = new TreeMap<>();
        cv.dropped().forEach((reason, n) -> {
            if (reason.startsWith(FUNCTION_DROP)) {
                dropped.put(reason, n);
            }
        });
        return Map.of(FUNCTIONS, new Tally(cv.modes().get(FUNCTIONS_IN), cv.modes().get(FUNCTIONS_OUT), dropped));
    }

    /** {@code t} with only its own unit's drops and modes: another unit's counts left out. */
    public static StageTotals ownUnit(StageTotals t) {
        if (t.stage() != Stage.CROSS_VALIDATION) {
            return t;
        }
        Map<String, Long> dropped = new TreeMap<>(t.dropped());
        dropped.keySet().removeIf(reason -> reason.startsWith(FUNCTION_DROP));
        Map<String, Long> modes = new TreeMap<>(t.modes());
        modes.keySet().removeAll(Set.of(FUNCTIONS_IN, FUNCTIONS_OUT));
        return new StageTotals(t.stage(), t.itemsIn(), t.itemsOut(), dropped, t.llmCalls(), t.promptTokens(),
                t.completionTokens(), t.complete(), t.done(), modes, t.costMicroUsd(), t.savedMicroUsd(),
                t.unknownPriceCalls());
    }
}
