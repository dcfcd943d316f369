package dev.autoif.contracts;

import java.util.List;

/**
 * An instruction that passed back-translation and NLI.
 *
 * @param nliMode "onnx" when the NLI model judged, "llm" when the LLM fallback did
 */
public record InstructionAccepted(String instructionId, String runId, String text, InstructionOrigin origin,
        List<ScoredFunction> functions, List<NliJudgement> nli, String nliMode) {
}
