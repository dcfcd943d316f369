package dev.autoif.llmsim;

import java.util.Arrays;
import java.util.Optional;

/**
 * Rates of the imperfections a decent real model shows anyway (not faults): they make the pipeline's filters do
 * real work. Tests that need exact outcomes set them to 0 or 1.
 */
public enum Behaviour {
    /** Self-instruct line that repeats an earlier line or a seed example. */
    SELF_INSTRUCT_DUPLICATE("self-instruct-duplicate", 0.10),
    /** Self-instruct line about style (not checkable by code). */
    SELF_INSTRUCT_STYLE("self-instruct-style", 0.10),
    /** Function answer wrapped in a ```json fence with a short preamble. */
    FUNCTION_FENCE("function-fence", 0.30),
    /** Function that checks the right kind of thing with the wrong parameters (cases still follow the instruction). */
    FUNCTION_IMPRECISE("function-imprecise", 0.10),
    /** Back-translation that says the opposite of the function. */
    BACK_TRANSLATION_CONTRADICTION("back-translation-contradiction", 0.10),
    /** Response that breaks the instruction's constraint. */
    RESPONSE_VIOLATION("response-violation", 0.20),
    /** Response about something other than the query (still following the constraint). */
    RESPONSE_OFF_TOPIC("response-off-topic", 0.10);

    private final String wireName;
    private final double defaultRate;

    Behaviour(String wireName, double defaultRate) {
        this.wireName = wireName;
        this.defaultRate = defaultRate;
    }

    public String wireName() {
        return wireName;
    }

    public double defaultRate() {
        return defaultRate;
    }

    public static Optional<Behaviour> byWireName(String name) {
        return Arrays.stream(values()).filter(b -> b.wireName.equals(name)).findFirst();
    }
}
