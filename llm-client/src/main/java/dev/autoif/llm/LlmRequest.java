package dev.autoif.llm;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.Stage;
import java.util.List;

/**
 * One logical LLM request: {@code n} samples of the same prompt.
 *
 * @param runId the run the tokens are billed to (usage accounting, audit)
 * @param stage the pipeline stage the tokens are billed to
 * @param model the model name sent to the endpoint
 * @param messages the chat messages, in order
 * @param temperature sampling temperature, null for the endpoint's default
 * @param maxTokens completion token limit, null for the endpoint's default
 * @param n number of samples wanted (1..128)
 * @param seed sampling seed, null for none; sample {@code i} sent on its own uses {@code seed + i}
 * @param mode online, or through the Batch API (when the client has batches enabled; online otherwise). The mode is
 *     not part of the cache key: an answer is the same whichever way it came.
 */
public record LlmRequest(String runId, Stage stage, String model, List<ChatMessage> messages, Double temperature,
        Integer maxTokens, int n, Integer seed, LlmMode mode) {

    public static final int MAX_N = 128;

    public LlmRequest {
        require(runId != null && !runId.isBlank(), "runId is required");
        require(stage != null, "stage is required");
        require(model != null && !model.isBlank(), "model is required");
        require(messages != null && !messages.isEmpty(), "at least one message is required");
        messages = List.copyOf(messages);
        require(temperature == null || (temperature >= 0 && temperature <= 2), "temperature must be in [0, 2]");
        require(maxTokens == null || maxTokens > 0, "maxTokens must be positive");
        require(n >= 1 && n <= MAX_N, "n must be in [1, " + MAX_N + "]");
        mode = mode == null ? LlmMode.ONLINE : mode;
    }

    /** An online request. */
    public LlmRequest(String runId, Stage stage, String model, List<ChatMessage> messages, Double temperature,
            Integer maxTokens, int n, Integer seed) {
        this(runId, stage, model, messages, temperature, maxTokens, n, seed, LlmMode.ONLINE);
    }

    /** A request for one sample of a system + user prompt. */
    public static LlmRequest of(String runId, Stage stage, String model, String system, String user) {
        return new LlmRequest(runId, stage, model, List.of(ChatMessage.system(system), ChatMessage.user(user)), null,
                null, 1, null);
    }

    public LlmRequest withN(int newN) {
        return new LlmRequest(runId, stage, model, messages, temperature, maxTokens, newN, seed, mode);
    }

    public LlmRequest withTemperature(Double t) {
        return new LlmRequest(runId, stage, model, messages, t, maxTokens, n, seed, mode);
    }

    public LlmRequest withMaxTokens(Integer max) {
        return new LlmRequest(runId, stage, model, messages, temperature, max, n, seed, mode);
    }

    public LlmRequest withSeed(Integer s) {
        return new LlmRequest(runId, stage, model, messages, temperature, maxTokens, n, s, mode);
    }

    public LlmRequest withMode(LlmMode m) {
        return new LlmRequest(runId, stage, model, messages, temperature, maxTokens, n, seed, m);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
