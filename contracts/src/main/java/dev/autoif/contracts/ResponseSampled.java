package dev.autoif.contracts;

import java.util.List;

/**
 * One instruction x query with its K sampled responses.
 *
 * @param sampleId stable id of this instruction x query (and attempt)
 * @param prompt the constrained prompt the responses answer (instruction joined with the query)
 * @param functions the instruction's kept functions, so the verifier needs no lookup
 * @param attempt 0 for the first sampling, 1.. for resamples
 * @param round 0 for the run's own samples, n for online DPO round n (sampled from the round's policy; functions
 *        empty: the verifier uses the instruction's kept functions)
 * @param policySpend what the round's policy calls for this prompt cost (rounds only; null for the run's own
 *        samples, whose calls are in the sampling stage's progress)
 */
public record ResponseSampled(String sampleId, String runId, String instructionId, String instruction,
        String queryId, String query, String prompt, List<FunctionRef> functions, List<String> responses,
        int attempt, int round, LlmSpend policySpend) {

    /** A sample of the run itself (round 0). */
    public ResponseSampled(String sampleId, String runId, String instructionId, String instruction, String queryId,
            String query, String prompt, List<FunctionRef> functions, List<String> responses, int attempt) {
        this(sampleId, runId, instructionId, instruction, queryId, query, prompt, functions, responses, attempt, 0,
                null);
    }

    /** A sample of round {@code round} without a spend. */
    public ResponseSampled(String sampleId, String runId, String instructionId, String instruction, String queryId,
            String query, String prompt, List<FunctionRef> functions, List<String> responses, int attempt,
            int round) {
        this(sampleId, runId, instructionId, instruction, queryId, query, prompt, functions, responses, attempt,
                round, null);
    }
}
