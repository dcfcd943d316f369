package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.internal.OpenAiClient;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shape as the langchain4j OpenAI client (the one the services use) parses it. */
class LangChain4jWireTest extends SimulatorTestBase {

    private static final String QUERY = "How do bees make honey?";

    private OpenAiChatModel model(String apiKey) {
        return OpenAiChatModel.builder()
                .baseUrl(sim.baseUrl())
                .apiKey(apiKey)
                .modelName("gpt-4o-mini")
                .seed(5)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void chatModelParsesAnswerUsageAndFinishReason() {
        ChatResponse r = model("test-key").chat(UserMessage.from(
                Prompts.judge("End your response with a question.", QUERY, "Bees turn nectar into honey. Want more?")));
        String text = r.aiMessage().text();
        assertThat(PromptKindsTest.score(text)).isBetween(8, 10);
        assertThat(r.metadata().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.metadata().tokenUsage().inputTokenCount()).isPositive();
        assertThat(r.metadata().tokenUsage().outputTokenCount()).isEqualTo((text.length() + 3) / 4);
        assertThat(r.metadata().modelName()).isEqualTo("gpt-4o-mini");
        assertThat(sim.stats().snapshot().total().requests()).isEqualTo(1);
    }

    @Test
    void lowLevelClientGetsNChoices() {
        OpenAiClient openAi = OpenAiClient.builder().baseUrl(sim.baseUrl()).apiKey("test-key").build();
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("gpt-4o-mini")
                .messages(dev.langchain4j.model.openai.internal.chat.UserMessage.from(
                        Prompts.response("Answer with at most 30 words.", QUERY)))
                .n(3)
                .seed(11)
                .build();
        ChatCompletionResponse r = openAi.chatCompletion(request).execute();
        assertThat(r.choices()).hasSize(3);
        assertThat(r.choices().stream().map(ChatCompletionChoice::index).toList()).containsExactly(0, 1, 2);
        List<String> texts = r.choices().stream().map(c -> c.message().content()).toList();
        assertThat(texts).allMatch(t -> t.split("\\s+").length <= 30);
        assertThat(r.usage().completionTokens()).isEqualTo(texts.stream().mapToInt(t -> (t.length() + 3) / 4).sum());
        assertThat(r.usage().totalTokens()).isEqualTo(r.usage().promptTokens() + r.usage().completionTokens());
    }

    @Test
    void errorBodiesMapToLangChain4jExceptions() {
        sim.settings().fault(Fault.HTTP_429, 1);
        assertThatThrownBy(() -> model("test-key").chat("hello")).isInstanceOf(RateLimitException.class);
        try (LlmSimulator locked = LlmSimulator.start(SimulatorOptions.defaults().withApiKey("right"))) {
            OpenAiChatModel wrongKey = OpenAiChatModel.builder().baseUrl(locked.baseUrl()).apiKey("wrong")
                    .modelName("gpt-4o-mini").maxRetries(0).build();
            assertThatThrownBy(() -> wrongKey.chat("hello")).isInstanceOf(AuthenticationException.class);
        }
    }
}
