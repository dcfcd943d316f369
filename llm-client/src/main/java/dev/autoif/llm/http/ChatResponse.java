package dev.autoif.llm.http;

import java.util.List;

/**
 * A 2xx chat-completion answer: the choices in {@code index} order and the billed usage.
 *
 * @param contents each choice's message content; an element is null when that choice carried no text
 * @param finishReasons each choice's finish_reason, may contain nulls
 */
public record ChatResponse(List<String> contents, List<String> finishReasons, long promptTokens,
        long completionTokens) {
}
