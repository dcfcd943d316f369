package dev.autoif.contracts;

/**
 * One prompt of an online DPO round, to be answered {@code k} times by the round's policy.
 *
 * @param sampleId this prompt's sample id in the round (distinct from the run's own sample ids)
 * @param prompt the stored generation prompt of the instruction x query (template form), as the run's samples have
 * @param policyPrompt the user turn sent to the policy, in the round's prompt form
 * @param seed the round's seed (query-service derives each prompt's LLM seed from it, the round and the texts)
 */
public record RoundPrompt(String runId, int round, String sampleId, String instructionId, String instruction,
        String queryId, String query, String prompt, String policyPrompt, PolicyEndpoint policy, int k,
        double temperature, long seed) {
}
