package dev.autoif.llm.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.llm.ChatMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("be terse"), ChatMessage.user("hi"));

    @Test
    void keyIsStableAcrossVersionsOfTheCode() {
        // Pinned: if this changes, every stored completion becomes unreachable and runs pay again.
        assertThat(CacheKey.of("gpt-4o-mini", MESSAGES, 0.7, 256, 42, 0))
                .isEqualTo(CacheKey.of("gpt-4o-mini", List.copyOf(MESSAGES), 0.70, 256, 42, 0))
                .hasSize(64)
                .isEqualTo(PINNED);
    }

    /** SHA-256 of [1,"gpt-4o-mini",[["system","be terse"],["user","hi"]],"0.7",256,42,0], computed outside Java. */
    private static final String PINNED = "fea2ea5af7ea9f00382876c043938e76b952886f9adf72e37c529d3a6c26b6f1";

    @Test
    void everyInputChangesTheKey() {
        Set<String> keys = new HashSet<>();
        keys.add(CacheKey.of("m", MESSAGES, 0.7, 256, 42, 0));
        keys.add(CacheKey.of("m2", MESSAGES, 0.7, 256, 42, 0));
        keys.add(CacheKey.of("m", List.of(ChatMessage.user("be terse"), ChatMessage.user("hi")), 0.7, 256, 42, 0));
        keys.add(CacheKey.of("m", List.of(ChatMessage.system("be terse"), ChatMessage.user("hi!")), 0.7, 256, 42, 0));
        keys.add(CacheKey.of("m", List.of(ChatMessage.system("be tersehi")), 0.7, 256, 42, 0));
        keys.add(CacheKey.of("m", MESSAGES, null, 256, 42, 0));
        keys.add(CacheKey.of("m", MESSAGES, 0.0, 256, 42, 0));
        keys.add(CacheKey.of("m", MESSAGES, 0.7, null, 42, 0));
        keys.add(CacheKey.of("m", MESSAGES, 0.7, 255, 42, 0));
        keys.add(CacheKey.of("m", MESSAGES, 0.7, 256, null, 0));
        keys.add(CacheKey.of("m", MESSAGES, 0.7, 256, 43, 0));
        keys.add(CacheKey.of("m", MESSAGES, 0.7, 256, 42, 1));
        assertThat(keys).hasSize(12);
    }

    @Test
    void messagesJsonIsTheWireShape() {
        assertThat(CacheKey.messagesJson(MESSAGES))
                .isEqualTo("[{\"role\":\"system\",\"content\":\"be terse\"},{\"role\":\"user\",\"content\":\"hi\"}]");
    }
}
