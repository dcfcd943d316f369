package dev.autoif.llm.cache;

import dev.autoif.contracts.Stage;
import java.time.Instant;

/**
 * One stored sample: the cache entry and the audit record of a raw LLM answer.
 *
 * @param prompt the request messages as JSON
 * @param promptTokens the prompt tokens of the request that produced it, shared evenly between its choices
 * @param completionTokens this choice's share of the request's completion tokens
 */
public record CachedCompletion(String keyHash, String model, String runId, Stage stage, String prompt,
        String completion, long promptTokens, long completionTokens, Instant createdAt) {
}
