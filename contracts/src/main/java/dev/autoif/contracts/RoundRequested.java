package dev.autoif.contracts;

/**
 * An online DPO round of a finished run (paper 3.4): sample {@code k} responses per kept SFT prompt from the policy,
 * verify them with the prompt's kept functions, pair them by pass rate. Every value is explicit.
 *
 * @param round 1.. (0 is the run itself)
 * @param prompts how many of the run's kept SFT prompts to sample from (a seeded sample), null for all of them
 * @param promptForm the user turn the policy gets: {@code natural} (as the SFT export) or {@code template}
 * @param seed the round's sampling seed (LLM seeds derive from it, the round and the texts)
 */
public record RoundRequested(String runId, int round, PolicyEndpoint policy, int k, double temperature,
        Integer prompts, String promptForm, long seed) {
}
