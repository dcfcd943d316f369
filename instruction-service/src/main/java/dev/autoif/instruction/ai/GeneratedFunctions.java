package dev.autoif.instruction.ai;

import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.llm.LlmUsage;
import java.util.List;
import java.util.Optional;

/**
 * What the LLM wrote for one instruction.
 *
 * @param candidate the candidate to publish; empty when no answer held a usable function
 * @param requested answers asked for
 * @param unparsable answers that came back but did not parse
 * @param answerKeys cache keys of the raw answers (llm_completion.key_hash), for the audit
 * @param usage what the request cost (zero when every answer came from the cache)
 */
public record GeneratedFunctions(Optional<InstructionCandidate> candidate, int requested, int unparsable,
        List<String> answerKeys, LlmUsage usage) {
}
