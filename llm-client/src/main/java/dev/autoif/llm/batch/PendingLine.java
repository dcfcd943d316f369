package dev.autoif.llm.batch;

import dev.autoif.contracts.Stage;

/**
 * One request line of a batch, with what is needed to put its answer in the completion cache after a restart.
 *
 * @param customId the line's {@code custom_id}: the cache key of the one sample it asks for
 * @param prompt the request messages as JSON (the cache's audit column)
 * @param body the chat-completion request body, as the online request would send it
 */
public record PendingLine(String customId, String model, String runId, Stage stage, String prompt, String body) {
}
