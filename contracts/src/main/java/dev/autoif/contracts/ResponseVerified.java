package dev.autoif.contracts;

import java.util.List;

/**
 * A {@link ResponseSampled} after verification: each response with its pass rate and verdicts.
 *
 * @param round the sample's round: 0 for the run itself, n for online DPO round n
 */
public record ResponseVerified(String sampleId, String runId, String instructionId, String instruction,
        String queryId, String query, String prompt, List<FunctionRef> functions, List<VerifiedResponse> responses,
        int attempt, int round) {

    /** A verified sample of the run itself (round 0). */
    public ResponseVerified(String sampleId, String runId, String instructionId, String instruction, String queryId,
            String query, String prompt, List<FunctionRef> functions, List<VerifiedResponse> responses, int attempt) {
        this(sampleId, runId, instructionId, instruction, queryId, query, prompt, functions, responses, attempt, 0);
    }
}
