package dev.autoif.nli.ai;

import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.Parsed;
import dev.autoif.llm.PromptTemplate;
import dev.autoif.llm.TypedResult;
import dev.autoif.nli.domain.BackTranslationParser;
import dev.autoif.nli.domain.BackTranslator;
import dev.autoif.nli.domain.LlmCost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Back-translation with the run's supervision model: one request per function (prompt with a worked example). */
@ApplicationScoped
public class LlmBackTranslator implements BackTranslator {

    private static final Logger LOG = Logger.getLogger(LlmBackTranslator.class);
    static final String PROMPT_FILE = "prompts/nli/back-translation.txt";
    /** Enough for one instruction line; a model that rambles is cut off, and the first line is what counts. */
    private static final int MAX_TOKENS = 256;

    private final LlmClient llm;
    private final PromptTemplate prompt = PromptTemplate.load(PROMPT_FILE);
    private final Counter unparsable;

    public LlmBackTranslator(LlmClient llm, MeterRegistry registry) {
        this.llm = llm;
        this.unparsable = Counter.builder("autoif.nli.back_translation.unparsable")
                .description("back-translation answers that held no readable instruction (function skipped)")
                .register(registry);
    }

    @Override
    public Result translate(String runId, String model, List<ScoredFunction> functions) {
        List<String> texts = new ArrayList<>(functions.size());
        LlmCost cost = LlmCost.NONE;
        for (ScoredFunction f : functions) {
            LlmRequest request = new LlmRequest(runId, Stage.BACK_TRANSLATION, model,
                    List.of(ChatMessage.user(prompt.render(Map.of("function", f.code())))), null, MAX_TOKENS, 1,
                    null);
            TypedResult<String> result = llm.complete(request, BackTranslationParser::parse);
            cost = cost.plus(LlmCosts.of(result.usage()));
            if (result.items().getFirst() instanceof Parsed.Value<String> v) {
                texts.add(v.value());
            } else {
                Parsed.Failure<String> failure = result.failures().getFirst();
                unparsable.increment();
                LOG.infof("run %s: back-translation of function %s skipped: %s", runId, f.functionId(),
                        failure.reason());
                texts.add(null);
            }
        }
        return new Result(texts, cost);
    }
}
