package dev.autoif.instruction.domain.cost;

/**
 * What the paper prior reads from this service and the spec: self-instruct's settings and, in tokens as the LLM
 * client counts them before sending (about four characters a token), the run's own self-instruct prompt, the
 * function prompt without its instruction, and a typical instruction (the spec's seeds' mean).
 *
 * @param instructionsPerRound new instructions asked for per self-instruct round (the prompt's {@code count})
 * @param roundsPerRequest self-instruct rounds asked for in one request (as n samples)
 * @param selfInstructPrompt the self-instruct prompt the run sends, with its examples
 * @param functionPrompt the verification-function prompt with an empty instruction
 * @param instruction a typical instruction
 */
public record PromptSizes(int instructionsPerRound, int roundsPerRequest, long selfInstructPrompt,
        long functionPrompt, long instruction) {
}
