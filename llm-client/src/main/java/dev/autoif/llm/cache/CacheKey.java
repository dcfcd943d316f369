package dev.autoif.llm.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.autoif.llm.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache key of one sample: SHA-256 (hex) of a canonical JSON array of everything that shapes the answer (model,
 * messages, temperature, max tokens, seed) plus the sample index. Run id and stage are left out on purpose: the same
 * prompt in another run is the same completion. The layout is versioned; changing it orphans stored rows, so don't.
 */
public final class CacheKey {

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CacheKey() {
    }

    public static String of(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
            Integer seed, int index) {
        ArrayNode root = JSON.createArrayNode();
        root.add(VERSION).add(model);
        ArrayNode msgs = root.addArray();
        for (ChatMessage m : messages) {
            msgs.addArray().add(m.role()).add(m.content());
        }
        // Double.toString is canonical for a double value, so 0.7 and 0.70 give one key.
        root.add(temperature == null ? null : Double.toString(temperature));
        root.add(maxTokens);
        root.add(seed);
        root.add(index);
        try {
            byte[] canonical = JSON.writeValueAsBytes(root);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute cache key", e);
        }
    }

    /** The messages as stored in the audit column: a JSON array of {role, content}. */
    public static String messagesJson(List<ChatMessage> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise messages", e);
        }
    }
}
