package dev.autoif.nli.domain;

import dev.autoif.contracts.NliJudgement;
import java.util.List;

/**
 * What back-translation + NLI decided for one instruction.
 *
 * @param dropReason null when accepted; else a short kebab-case reason for the progress counters
 * @param judgements the labelled pairs (also kept for a dropped instruction, for the logs)
 * @param mode "onnx" or "llm"
 * @param unparsable back-translation answers that could not be read (those functions were skipped)
 * @param unjudged pairs the judge gave no usable label for (LLM fallback only)
 */
public record Outcome(String dropReason, List<NliJudgement> judgements, String mode, int unparsable, int unjudged,
        LlmCost cost) {

    public static final String NLI_CONTRADICTION = "nli-contradiction";
    public static final String NO_BACK_TRANSLATION = "no-back-translation";
    public static final String NO_NLI_JUDGEMENT = "no-nli-judgement";

    public boolean accepted() {
        return dropReason == null;
    }
}
