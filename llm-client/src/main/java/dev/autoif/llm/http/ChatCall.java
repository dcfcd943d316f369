package dev.autoif.llm.http;

import dev.autoif.llm.ChatMessage;
import java.util.List;

/** One HTTP chat-completion request as sent on the wire. {@code n} is only sent when above 1. */
public record ChatCall(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens, int n,
        Integer seed) {
}
