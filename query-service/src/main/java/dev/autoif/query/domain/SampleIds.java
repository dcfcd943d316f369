package dev.autoif.query.domain;

/**
 * Deterministic ids, so a redelivered input re-publishes the same ids and consumers downstream drop the copy.
 */
public final class SampleIds {

    private SampleIds() {
    }

    /** One instruction x query at one attempt (0 = first sampling). */
    public static String sampleId(String instructionId, String queryId, int attempt) {
        return instructionId + "|" + queryId + "|a" + attempt;
    }

    public static String responseId(String sampleId, int index) {
        return sampleId + "|r" + index;
    }
}
