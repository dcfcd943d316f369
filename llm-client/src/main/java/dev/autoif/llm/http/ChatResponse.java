package dev.autoif.llm.http;

import dev.autoif.llm.limit.RateLimitStatus;
import java.util.List;

/**
 * A 2xx chat-completion answer: the choices in {@code index} order and the billed usage.
 *
 * @param contents each choice's message content; an element is null when that choice carried no text
 * @param finishReasons each choice's finish_reason, may contain nulls
 * @param rateLimits what the answer's headers said about the provider's limits
 * @param cachedPromptTokens the part of {@code promptTokens} the provider served from its prompt cache (billed at
 *     the cached-input price; {@code usage.prompt_tokens_details.cached_tokens}, 0 when absent)
 */
public record ChatResponse(List<String> contents, List<String> finishReasons, long promptTokens,
        long completionTokens, RateLimitStatus rateLimits, long cachedPromptTokens) {

    public ChatResponse(List<String> contents, List<String> finishReasons, long promptTokens, long completionTokens,
            RateLimitStatus rateLimits) {
        this(contents, finishReasons, promptTokens, completionTokens, rateLimits, 0);
    }

    public ChatResponse {
        rateLimits = rateLimits == null ? RateLimitStatus.NONE : rateLimits;
    }

    /** An answer that said nothing about limits. */
    public ChatResponse(List<String> contents, List<String> finishReasons, long promptTokens, long completionTokens) {
        this(contents, finishReasons, promptTokens, completionTokens, RateLimitStatus.NONE);
    }

    public ChatResponse withRateLimits(RateLimitStatus status) {
        return new ChatResponse(contents, finishReasons, promptTokens, completionTokens, status,
                cachedPromptTokens);
    }
}
