package dev.autoif.nli.domain;

import dev.autoif.contracts.ScoredFunction;
import java.util.List;

/** Asks the supervision model which instruction each function checks. */
public interface BackTranslator {

    /**
     * @param texts one entry per function, in order: the instruction read from the answer, or null when the answer
     *        could not be parsed or none was obtained
     */
    record Result(List<String> texts, LlmCost cost) {
    }

    Result translate(String runId, String model, List<ScoredFunction> functions);
}
