package dev.autoif.contracts;

/** When the NLI filter drops an instruction. */
public enum NliPolicy {
    /** The paper's rule: any back-translation that contradicts the instruction drops it. */
    ANY_CONTRADICTION,
    /** Drop only when most back-translations contradict it. */
    MAJORITY_CONTRADICTION
}
