package dev.autoif.judge.ai;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.Stage;
import dev.autoif.judge.config.JudgeConfig;
import dev.autoif.judge.domain.JudgeAnswer;
import dev.autoif.judge.domain.ScoreParser;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.ChoiceResult;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.LlmResult;
import dev.autoif.llm.LlmUsage;
import dev.autoif.llm.PromptTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Asks the run's judge model whether a response answers its query under the instruction (paper 3.3, Appendix G).
 * A sample whose answer has no readable score is asked once more with fresh seeds: the cache is keyed by seed, so
 * the same seed would only return the same bad answer. What is still unreadable after that stays unscored.
 */
@ApplicationScoped
public class ResponseJudge {

    /** Keeps seed + samples + retries far from int overflow. */
    private static final long SEED_SPACE = 1_000_000_000L;

    private final LlmClient llm;
    private final PromptTemplate template;
    private final JudgeConfig config;

    public ResponseJudge(LlmClient llm, JudgeConfig config) {
        this.llm = llm;
        this.config = config;
        this.template = PromptTemplate.load(config.prompt());
    }

    /**
     * @throws dev.autoif.llm.LlmException when the endpoint gave no answer at all (unreachable, rejected, out of
     *         retries, no API key): that is not the judge's opinion and must not be recorded as one
     */
    public JudgeRun judge(String runId, String model, LlmMode mode, long runSeed, int samples, String instruction,
            String query, String response) {
        String prompt = template.render(Map.of("instruction", instruction, "query", query, "response", response));
        int seed = (int) Math.floorMod(runSeed, SEED_SPACE);
        LlmRequest first = new LlmRequest(runId, Stage.JUDGE, model, List.of(ChatMessage.user(prompt)),
                config.temperature().orElse(null), config.maxTokens().orElse(null), samples, seed, mode);
        LlmResult firstResult = llm.complete(first);
        JudgeAnswer[] answers = new JudgeAnswer[samples];
        List<Integer> unreadable = new ArrayList<>();
        for (ChoiceResult c : firstResult.choices()) {
            answers[c.index()] = read(c);
            if (answers[c.index()] instanceof JudgeAnswer.Unscored) {
                unreadable.add(c.index());
            }
        }
        LlmUsage usage = firstResult.usage();
        if (!unreadable.isEmpty()) {
            // The first attempt used seeds seed..seed+samples-1; the retry's start after them.
            LlmResult retry = llm.complete(first.withN(unreadable.size()).withSeed(seed + samples));
            for (ChoiceResult c : retry.choices()) {
                answers[unreadable.get(c.index())] = read(c);
            }
            usage = usage.plus(retry.usage());
        }
        return new JudgeRun(Arrays.asList(answers), unreadable.size(), usage);
    }

    private static JudgeAnswer read(ChoiceResult c) {
        if (!c.isOk()) {
            return new JudgeAnswer.Unscored("no answer: " + c.error().getMessage());
        }
        return ScoreParser.parse(c.text());
    }
}
