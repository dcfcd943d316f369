package dev.autoif.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.llm.LlmResponseException;
import org.junit.jupiter.api.Test;

class OpenAiHttpTransportTest {

    @Test
    void parsesChoicesByIndexAndUsage() {
        ChatResponse r = OpenAiHttpTransport.parse("""
                {"choices":[{"index":1,"message":{"content":"b"},"finish_reason":"length"},
                            {"index":0,"message":{"content":"a"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":7,"completion_tokens":9}}""");
        assertThat(r.contents()).containsExactly("a", "b");
        assertThat(r.finishReasons()).containsExactly("stop", "length");
        assertThat(r.promptTokens()).isEqualTo(7);
        assertThat(r.completionTokens()).isEqualTo(9);
    }

    @Test
    void missingUsageCountsAsZero() {
        ChatResponse r = OpenAiHttpTransport.parse("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"a\"}}]}");
        assertThat(r.promptTokens()).isZero();
    }

    @Test
    void non2xxBodiesThatAreNotCompletionsFailClearly() {
        assertThatThrownBy(() -> OpenAiHttpTransport.parse("<html>gateway</html>"))
                .isInstanceOf(LlmResponseException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> OpenAiHttpTransport.parse("{\"id\":1}"))
                .isInstanceOf(LlmResponseException.class).hasMessageContaining("without a choices array");
        assertThatThrownBy(() -> OpenAiHttpTransport.parse(""))
                .isInstanceOf(LlmResponseException.class);
    }

    @Test
    void apiKeyNeverShows() {
        ApiKey key = ApiKey.of("sk-secret-123456");
        assertThat(key.toString()).doesNotContain("secret");
        assertThat(key.redact("bad key sk-secret-123456 and sk-otherKEY_99")).isEqualTo("bad key *** and sk-***");
    }
}
