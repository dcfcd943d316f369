package dev.autoif.contracts;

/** One response that met the pass-rate threshold, headed for the judge. */
public record ResponseAccepted(String responseId, String sampleId, String runId, String instructionId,
        String instruction, String queryId, String query, String prompt, String response, double passRate) {
}
