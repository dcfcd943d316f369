package dev.autoif.contracts;

import java.util.List;

/**
 * An instruction that survived cross-validation.
 *
 * @param functions kept functions with their accuracy
 * @param cases kept cases with their accuracy
 * @param functionIds row order of {@code matrix}: every function that compiled
 * @param allCases column order of {@code matrix}: every parsed case
 * @param matrix matrix[i][j] is true when function i judged case j as the case expects
 * @param casePairs instruction-level preference pairs: a case accepted by all functions vs. one with accuracy 0
 */
public record InstructionVerified(String instructionId, String runId, String text, InstructionOrigin origin,
        List<ScoredFunction> functions, List<ScoredCase> cases, List<String> functionIds, List<TestCase> allCases,
        List<List<Boolean>> matrix, List<PreferencePair> casePairs) {
}
