package dev.autoif.nli.ai;

import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.Parsed;
import dev.autoif.llm.PromptTemplate;
import dev.autoif.llm.TypedResult;
import dev.autoif.nli.domain.LlmCost;
import dev.autoif.nli.domain.NliAnswerParser;
import dev.autoif.nli.domain.NliJudge;
import dev.autoif.nli.domain.NliPair;
import dev.autoif.nli.domain.NliScores;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The fallback when no NLI model is configured: the run's NLI model (an LLM) labels each pair with one word. It
 * gives no probabilities, so the named label gets 1 and the others 0. A pair it does not label stays unlabelled
 * (never counted as a pass).
 */
// Typed: the NliJudge in use is chosen by NliJudgeProducer, this bean is only one of the candidates.
@ApplicationScoped
@Typed(LlmNliJudge.class)
public class LlmNliJudge implements NliJudge {

    public static final String MODE = "llm";
    static final String PROMPT_FILE = "prompts/nli/nli-classify.txt";
    private static final Logger LOG = Logger.getLogger(LlmNliJudge.class);
    private static final int MAX_TOKENS = 16;

    private final LlmClient llm;
    private final PromptTemplate prompt = PromptTemplate.load(PROMPT_FILE);
    private final Counter unparsable;

    public LlmNliJudge(LlmClient llm, MeterRegistry registry) {
        this.llm = llm;
        this.unparsable = Counter.builder("autoif.nli.llm_judgement.unparsable")
                .description("LLM NLI answers that named no single label (pair left unlabelled)")
                .register(registry);
    }

    @Override
    public String mode() {
        return MODE;
    }

    @Override
    public Result judge(String runId, String model, List<NliPair> pairs) {
        List<NliScores> scores = new ArrayList<>(pairs.size());
        LlmCost cost = LlmCost.NONE;
        for (NliPair p : pairs) {
            String text = prompt.render(Map.of("premise", p.premise(), "hypothesis", p.hypothesis()));
            LlmRequest request = new LlmRequest(runId, Stage.BACK_TRANSLATION, model, List.of(ChatMessage.user(text)),
                    0.0, MAX_TOKENS, 1, null);
            TypedResult<NliLabel> result = llm.complete(request, NliAnswerParser::parse);
            cost = cost.plus(LlmCosts.of(result.usage()));
            if (result.items().getFirst() instanceof Parsed.Value<NliLabel> v) {
                scores.add(NliScores.certain(v.value()));
            } else {
                unparsable.increment();
                LOG.infof("run %s: NLI answer unusable: %s", runId, result.failures().getFirst().reason());
                scores.add(null);
            }
        }
        return new Result(scores, cost);
    }
}
