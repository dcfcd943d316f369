package dev.autoif.nli.domain;

import java.util.List;

/** Labels premise/hypothesis pairs: the ONNX model, or the LLM when no model is configured. */
public interface NliJudge {

    /**
     * @param scores one entry per pair, in order; null where the judge gave no usable answer (LLM fallback only)
     */
    record Result(List<NliScores> scores, LlmCost cost) {
    }

    /** "onnx" or "llm", published with each accepted instruction. */
    String mode();

    /**
     * @param model the run's NLI model name, used by the LLM fallback only
     */
    Result judge(String runId, String model, List<NliPair> pairs);
}
