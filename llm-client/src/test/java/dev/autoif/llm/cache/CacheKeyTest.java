package dev.autoif.llm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.llm.ChatMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final String OPENAI = "https://api.openai.com/v1";
    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("be terse"), ChatMessage.user("hi"));

    @Test
    void keyIsStableAcrossVersionsOfTheCode() {
        // Pinned: if this changes, every stored completion becomes unreachable and runs pay again.
        assertThat(CacheKey.of(OPENAI, "gpt-4o-mini", MESSAGES, 0.7, 256, 42, 0))
                .isEqualTo(CacheKey.of(OPENAI, "gpt-4o-mini", List.copyOf(MESSAGES), 0.70, 256, 42, 0))
                .hasSize(64)
                .isEqualTo(PINNED)
                .isNotEqualTo(PINNED_V1);
    }

    /**
     * SHA-256 of [2,"https://api.openai.com/v1","gpt-4o-mini",[["system","be terse"],["user","hi"]],"0.7",256,42,0],
     * computed outside Java.
     */
    private static final String PINNED = "731a857476fc37b472fd01a361865df56d4ade6d9eb3fbb26baf3f2ca2791bf6";
    /** The same request under layout 1 (no endpoint), which served one provider's answers to another. */
    private static final String PINNED_V1 = "fea2ea5af7ea9f00382876c043938e76b952886f9adf72e37c529d3a6c26b6f1";

    @Test
    void everyInputChangesTheKey() {
        Set<String> keys = new HashSet<>();
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.7, 256, 42, 0));
        keys.add(CacheKey.of("http://localhost:8090/v1", "m", MESSAGES, 0.7, 256, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m2", MESSAGES, 0.7, 256, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m", List.of(ChatMessage.user("be terse"), ChatMessage.user("hi")), 0.7, 256, 42,
                0));
        keys.add(CacheKey.of(OPENAI, "m", List.of(ChatMessage.system("be terse"), ChatMessage.user("hi!")), 0.7, 256,
                42, 0));
        keys.add(CacheKey.of(OPENAI, "m", List.of(ChatMessage.system("be tersehi")), 0.7, 256, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, null, 256, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.0, 256, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.7, null, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.7, 255, 42, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.7, 256, null, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.7, 256, 43, 0));
        keys.add(CacheKey.of(OPENAI, "m", MESSAGES, 0.7, 256, 42, 1));
        assertThat(keys).hasSize(13);
    }

    @Test
    void oneEndpointWrittenDifferentlyIsOneKey() {
        String key = CacheKey.of(OPENAI, "m", MESSAGES, 0.7, 256, 42, 0);
        assertThat(CacheKey.of(" HTTPS://API.OpenAI.COM:443/v1/ ", "m", MESSAGES, 0.7, 256, 42, 0)).isEqualTo(key);
    }

    @Test
    void endpointIsNormalised() {
        assertThat(CacheKey.endpoint(OPENAI)).isEqualTo(OPENAI);
        assertThat(CacheKey.endpoint("HTTPS://API.OpenAI.com/v1")).isEqualTo(OPENAI);
        assertThat(CacheKey.endpoint("https://api.openai.com:443/v1/")).isEqualTo(OPENAI);
        assertThat(CacheKey.endpoint("https://api.openai.com/v1//")).isEqualTo(OPENAI);
        assertThat(CacheKey.endpoint("http://Localhost:80/")).isEqualTo("http://localhost");
        assertThat(CacheKey.endpoint("http://localhost")).isEqualTo("http://localhost");
        // A port that is not the scheme's default is part of the endpoint: two simulators on one host differ.
        assertThat(CacheKey.endpoint("http://127.0.0.1:8090/v1")).isEqualTo("http://127.0.0.1:8090/v1");
        assertThat(CacheKey.endpoint("https://api.openai.com:80/v1")).isEqualTo("https://api.openai.com:80/v1");
        assertThat(CacheKey.endpoint("http://localhost:443/v1")).isEqualTo("http://localhost:443/v1");
        assertThat(CacheKey.endpoint("http://[::1]:8090/v1/")).isEqualTo("http://[::1]:8090/v1");
        // Path and query are case-sensitive and stay as they are (Azure puts the API version in the query).
        assertThat(CacheKey.endpoint("https://Example.com/OpenAI/Deployments/X?api-version=2024-06-01"))
                .isEqualTo("https://example.com/OpenAI/Deployments/X?api-version=2024-06-01");
        assertThat(CacheKey.endpoint("https://example.com/v1"))
                .isNotEqualTo(CacheKey.endpoint("https://example.com/V1"));
    }

    @Test
    void credentialsNeverReachTheKey() {
        // User info may hold a secret: it is dropped, so the key is the same with or without it.
        assertThat(CacheKey.endpoint("https://user:sk-secret@api.openai.com/v1#frag")).isEqualTo(OPENAI);
    }

    @Test
    void aBaseUrlThatIsNotAnAbsoluteUrlIsAClearError() {
        assertThatThrownBy(() -> CacheKey.endpoint("api.openai.com/v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> CacheKey.endpoint("http://user:sk-secret@bad host/v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("sk-secret");
        assertThatThrownBy(() -> CacheKey.endpoint(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesJsonIsTheWireShape() {
        assertThat(CacheKey.messagesJson(MESSAGES))
                .isEqualTo("[{\"role\":\"system\",\"content\":\"be terse\"},{\"role\":\"user\",\"content\":\"hi\"}]");
    }
}
