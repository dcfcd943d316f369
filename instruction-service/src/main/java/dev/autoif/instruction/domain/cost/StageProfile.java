package dev.autoif.instruction.domain.cost;

/**
 * How one stage spends and how much of its input survives, per unit of input, so a run of another size can be
 * estimated from it. A unit is an item taken in, times the fan-in of the stage ({@link CostEstimator#inFan}).
 *
 * @param callsPerUnit LLM requests per unit in
 * @param promptPerUnit prompt tokens per unit in
 * @param completionPerSample completion tokens per sample asked ({@link CostEstimator#samples}: functions per
 *     instruction, responses per pair, judge samples)
 * @param survival items out per unit in and per {@link CostEstimator#outFan} (for self-instruct: new instructions
 *     per round)
 * @param basis where the figures come from: {@code paper} or {@code history (N runs)}
 */
public record StageProfile(double callsPerUnit, double promptPerUnit, double completionPerSample, double survival,
        String basis) {

    public static final String PAPER = "paper";
}
