package dev.autoif.contracts;

import java.util.List;

/**
 * A {@link ResponseSampled} after verification: each response with its pass rate and verdicts.
 *
 * @param round the sample's round: 0 for the run itself, n for online DPO round n
 * @param policySpend the round policy's calls for this prompt, passed on from {@link ResponseSampled} (null for the
 *     run's own samples)
 */
public record ResponseVerified(String sampleId, String runId, String instructionId, String instruction,
        String queryId, String query, String prompt, List<FunctionRef> functions, List<VerifiedResponse> responses,
        int attempt, int round, LlmSpend policySpend) {

    /** A verified sample of the run itself (round 0). */
    public ResponseVerified(String sampleId, String runId, String instructionId, String instruction, String queryId,
            String query, String prompt, List<FunctionRef> functions, List<VerifiedResponse> responses, int attempt) {
        this(sampleId, runId, instructionId, instruction, queryId, query, prompt, functions, responses, attempt, 0,
                null);
    }

    /** A verified sample of round {@code round} without a spend. */
    public ResponseVerified(String sampleId, String runId, String instructionId, String instruction, String queryId,
            String query, String prompt, List<FunctionRef> functions, List<VerifiedResponse> responses, int attempt,
            int round) {
        this(sampleId, runId, instructionId, instruction, queryId, query, prompt, functions, responses, attempt,
                round, null);
    }
}
