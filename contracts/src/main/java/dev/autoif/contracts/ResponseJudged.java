package dev.autoif.contracts;

/**
 * The judge's verdict on an accepted response, kept or not, so export can show why a sample was dropped.
 *
 * @param score 0..10 (mean of the judge samples), null when unscored
 */
public record ResponseJudged(String responseId, String sampleId, String runId, String instructionId,
        String instruction, String queryId, String query, String prompt, String response, double passRate,
        Double score, String analysis, JudgeStatus status, boolean kept) {
}
