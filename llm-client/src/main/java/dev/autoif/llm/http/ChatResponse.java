package dev.autoif.llm.http;

import dev.autoif.llm.limit.RateLimitStatus;
import java.util.List;

/**
 * A 2xx chat-completion answer: the choices in {@code index} order and the billed usage.
 *
 * @param contents each choice's message content; an element is null when that choice carried no text
 * @param finishReasons each choice's finish_reason, may contain nulls
 * @param rateLimits what the answer's headers said about the provider's limits
 */
public record ChatResponse(List<String> contents, List<String> finishReasons, long promptTokens,
        long completionTokens, RateLimitStatus rateLimits) {

    public ChatResponse {
        rateLimits = rateLimits == null ? RateLimitStatus.NONE : rateLimits;
    }

    /** An answer that said nothing about limits. */
    public ChatResponse(List<String> contents, List<String> finishReasons, long promptTokens, long completionTokens) {
        this(contents, finishReasons, promptTokens, completionTokens, RateLimitStatus.NONE);
    }

    public ChatResponse withRateLimits(RateLimitStatus status) {
        return new ChatResponse(contents, finishReasons, promptTokens, completionTokens, status);
    }
}
