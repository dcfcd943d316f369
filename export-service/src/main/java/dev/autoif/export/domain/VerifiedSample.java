package dev.autoif.export.domain;

/**
 * A stored verified response (passing or not) as query-level preference pairs read it; {@code instruction} and
 * {@code query} are null on rows stored without them (the template prompt then stands in).
 */
public record VerifiedSample(String instructionId, String queryId, String sampleId, int attempt, int index,
        String instruction, String query, String prompt, String response, double passRate) {

    public String userTurn(PromptForm form) {
        return form.of(instruction, query, prompt);
    }
}
