package dev.autoif.query.api;

import java.util.List;

/**
 * Query-level preference candidates of one instruction x query: responses passing more than half the functions
 * (chosen) and responses passing none (rejected).
 */
public record PreferenceView(String sampleId, String instructionId, String queryId, String prompt,
        List<Candidate> chosen, List<Candidate> rejected) {

    public record Candidate(int index, String text, double passRate) {
    }
}
