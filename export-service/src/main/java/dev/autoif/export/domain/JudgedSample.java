package dev.autoif.export.domain;

/**
 * A stored judgement as export reads it. {@code score} is null when the judge could not score the response;
 * {@code instruction} and {@code query} are null on rows stored without them (the template prompt then stands in).
 */
public record JudgedSample(String instructionId, String queryId, String responseId, String instruction, String query,
        String prompt, String response, double passRate, Double score, boolean kept) {

    public String userTurn(PromptForm form) {
        return form.of(instruction, query, prompt);
    }
}
