package dev.autoif.export.domain;

/** A stored verified response (passing or not) as query-level preference pairs read it. */
public record VerifiedSample(String instructionId, String queryId, String sampleId, int attempt, int index,
        String prompt, String response, double passRate) {
}
