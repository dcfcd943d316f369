package dev.autoif.judge.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.LlmMode;
import dev.autoif.judge.config.JudgeConfig;
import dev.autoif.judge.domain.JudgeAnswer;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmSettings;
import dev.autoif.llm.NSupport;
import dev.autoif.llm.cache.InMemoryCompletionStore;
import dev.autoif.llm.http.ChatCall;
import dev.autoif.llm.http.ChatResponse;
import dev.autoif.llm.http.ChatTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The retry rule against a scripted endpoint: which samples are asked again, with which seeds, at what cost. */
class ResponseJudgeTest {

    /** Answers each sent seed from a script and records what was sent. */
    private static final class ScriptedEndpoint implements ChatTransport {
        final List<ChatCall> calls = new CopyOnWriteArrayList<>();
        final Function<Integer, String> answerForSeed;

        ScriptedEndpoint(Function<Integer, String> answerForSeed) {
            this.answerForSeed = answerForSeed;
        }

        @Override
        public ChatResponse send(ChatCall call) {
            calls.add(call);
            List<String> texts = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < call.n(); i++) {
                texts.add(answerForSeed.apply(call.seed() + i));
                reasons.add("stop");
            }
            return new ChatResponse(texts, reasons, 100L * call.n(), 10L * call.n());
        }

        @Override
        public String endpoint() {
            return "scripted";
        }

        List<Integer> seedsSent() {
            List<Integer> seeds = new ArrayList<>();
            for (ChatCall c : calls) {
                for (int i = 0; i < c.n(); i++) {
                    seeds.add(c.seed() + i);
                }
            }
            return seeds;
        }
    }

    private static final JudgeConfig CONFIG = new JudgeConfig() {
        @Override
        public String prompt() {
            return "prompts/judge/judge.txt";
        }

        @Override
        public Optional<Double> temperature() {
            return Optional.of(0.7);
        }

        @Override
        public Optional<Integer> maxTokens() {
            return Optional.empty();
        }
    };

    private static ResponseJudge judge(ScriptedEndpoint endpoint, NSupport n) {
        LlmSettings settings = new LlmSettings("http://scripted/v1", Duration.ofSeconds(5), 4, 0, 0, 0,
                Duration.ofMillis(1), Duration.ofMillis(1), n, true);
        LlmClient client = new LlmClient(settings, endpoint, new InMemoryCompletionStore(), new SimpleMeterRegistry(),
                d -> { }, Clock.systemUTC());
        return new ResponseJudge(client, CONFIG);
    }

    private static JudgeRun run(ResponseJudge judge, long runSeed, int samples) {
        return judge.judge("run-1", "judge-model", LlmMode.ONLINE, runSeed, samples, "Answer in lowercase.", "What is tea?",
                "tea is a drink.");
    }

    @Test
    void aReadableAnswerIsAskedForOnce() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(seed -> "Fine.\nScore: 9");
        JudgeRun run = run(judge(endpoint, NSupport.TRUE), 42, 1);

        assertThat(run.answers()).containsExactly(new JudgeAnswer.Scored(9, "Fine."));
        assertThat(run.retried()).isZero();
        assertThat(endpoint.calls).hasSize(1);
        ChatCall call = endpoint.calls.getFirst();
        assertThat(call.model()).isEqualTo("judge-model");
        assertThat(call.temperature()).isEqualTo(0.7);
        String prompt = call.messages().getFirst().content();
        assertThat(prompt).contains("Answer in lowercase.", "What is tea?", "tea is a drink.").doesNotContain("{{");
        assertThat(run.usage().calls()).isEqualTo(1);
        assertThat(run.usage().promptTokens()).isEqualTo(100);
    }

    @Test
    void anUnreadableAnswerIsAskedAgainWithAFreshSeedAndTheSecondAnswerCounts() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(seed -> seed == 42 ? "Looks good to me." : "Ok.\nScore: 8");
        JudgeRun run = run(judge(endpoint, NSupport.TRUE), 42, 1);

        assertThat(run.answers()).containsExactly(new JudgeAnswer.Scored(8, "Ok."));
        assertThat(run.retried()).isEqualTo(1);
        assertThat(endpoint.seedsSent()).containsExactly(42, 43);
        assertThat(run.usage().calls()).isEqualTo(2);
    }

    @Test
    void stillUnreadableAfterTheRetryStaysUnscoredWithoutAThirdAsk() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(seed -> "Score: 42");
        JudgeRun run = run(judge(endpoint, NSupport.TRUE), 42, 1);

        assertThat(run.answers()).singleElement().isInstanceOf(JudgeAnswer.Unscored.class);
        assertThat(((JudgeAnswer.Unscored) run.answers().getFirst()).reason()).contains("outside 0..10");
        assertThat(endpoint.calls).hasSize(2);
    }

    @Test
    void onlyTheUnreadableSamplesOfSeveralAreAskedAgainOnSeedsNotUsedBefore() {
        // Samples 0..3 use seeds 7..10; 8 and 10 answer badly, the retry must use two seeds from 11 on.
        Map<Integer, String> script = Map.of(7, "Score: 6", 8, "no score", 9, "Score: 10", 10, "Score: 11",
                11, "Score: 7", 12, "Score: 9");
        ScriptedEndpoint endpoint = new ScriptedEndpoint(seed -> script.getOrDefault(seed, "unexpected seed"));
        JudgeRun run = run(judge(endpoint, NSupport.FALSE), 7, 4);

        assertThat(run.answers()).extracting(a -> ((JudgeAnswer.Scored) a).score()).containsExactly(6.0, 7.0, 10.0,
                9.0);
        assertThat(run.retried()).isEqualTo(2);
        assertThat(endpoint.seedsSent()).containsExactlyInAnyOrder(7, 8, 9, 10, 11, 12);
    }

    @Test
    void askingAgainForTheSameResponseIsServedFromTheCache() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(seed -> seed == 42 ? "Looks good to me." : "Ok.\nScore: 8");
        ResponseJudge judge = judge(endpoint, NSupport.TRUE);
        run(judge, 42, 1);
        int callsBefore = endpoint.calls.size();

        JudgeRun again = run(judge, 42, 1);

        assertThat(endpoint.calls).hasSize(callsBefore);
        assertThat(again.usage().calls()).isZero();
        assertThat(again.answers()).containsExactly(new JudgeAnswer.Scored(8, "Ok."));
    }

    @Test
    void hugeRunSeedsStayClearOfIntegerOverflow() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(seed -> "Score: 5");
        run(judge(endpoint, NSupport.TRUE), Long.MAX_VALUE, 3);
        assertThat(endpoint.seedsSent()).allSatisfy(s -> assertThat(s).isNotNegative());
    }
}
