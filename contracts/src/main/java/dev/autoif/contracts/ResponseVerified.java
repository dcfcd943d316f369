package dev.autoif.contracts;

import java.util.List;

/** A {@link ResponseSampled} after verification: each response with its pass rate and verdicts. */
public record ResponseVerified(String sampleId, String runId, String instructionId, String instruction,
        String queryId, String query, String prompt, List<FunctionRef> functions, List<VerifiedResponse> responses,
        int attempt) {
}
