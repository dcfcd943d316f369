package dev.autoif.llm.limit;

import dev.autoif.llm.ChatMessage;
import java.util.List;

/**
 * Rough prompt-token count before sending, for the tokens-per-minute limit. About four characters per token for
 * English text plus a few tokens of per-message framing; the real usage corrects the bucket after each answer.
 */
public final class TokenEstimator {

    private static final int PER_MESSAGE = 4;
    private static final int PER_REQUEST = 3;

    private TokenEstimator() {
    }

    public static long promptTokens(List<ChatMessage> messages) {
        long tokens = PER_REQUEST;
        for (ChatMessage m : messages) {
            tokens += PER_MESSAGE + (m.content().length() + 3) / 4;
        }
        return tokens;
    }

    /** What the endpoint may bill: the prompt once, plus up to {@code maxTokens} for each of {@code n} choices. */
    public static long requestTokens(List<ChatMessage> messages, Integer maxTokens, int n) {
        return promptTokens(messages) + (maxTokens == null ? 0 : (long) maxTokens * n);
    }
}
