package dev.autoif.export.domain;

/** A stored judgement as export reads it. {@code score} is null when the judge could not score the response. */
public record JudgedSample(String instructionId, String queryId, String responseId, String prompt, String response,
        double passRate, Double score, boolean kept) {
}
