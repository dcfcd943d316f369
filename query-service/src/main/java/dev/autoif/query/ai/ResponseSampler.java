package dev.autoif.query.ai;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmConfigurationException;
import dev.autoif.llm.LlmException;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.LlmResult;
import dev.autoif.llm.LlmUsage;
import dev.autoif.llm.PromptTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Asks the model for K responses to a query that must follow an instruction (paper 3.3). The LLM client sends one
 * request with {@code n} where the endpoint supports it, separate requests otherwise; a sample that could not be
 * obtained is left out and counted.
 */
@ApplicationScoped
public class ResponseSampler {

    private static final Logger LOG = Logger.getLogger(ResponseSampler.class);
    static final String TEMPLATE = "prompts/query/response.txt";

    /**
     * @param prompt the rendered prompt the responses answer
     * @param responses the responses obtained, in sample order
     * @param failed samples that could not be obtained
     * @param usage what this call cost (zero when the cache answered)
     */
    public record Sampled(String prompt, List<String> responses, int failed, LlmUsage usage) {
    }

    private final LlmClient llm;
    private final PromptTemplate template = PromptTemplate.load(TEMPLATE);

    public ResponseSampler(LlmClient llm) {
        this.llm = llm;
    }

    public String prompt(String instruction, String query) {
        return template.render(Map.of("instruction", instruction, "query", query));
    }

    /** @param mode online, or through the Batch API (the run's mode for {@code QUERY_SAMPLING}) */
    public Sampled sample(String runId, String model, LlmMode mode, String instruction, String query, int n,
            int seed) {
        String prompt = prompt(instruction, query);
        LlmRequest request = new LlmRequest(runId, Stage.QUERY_SAMPLING, model, List.of(ChatMessage.user(prompt)),
                null, null, n, seed, mode);
        try {
            LlmResult result = llm.complete(request);
            return new Sampled(prompt, result.texts(), (int) result.failures(), result.usage());
        } catch (LlmConfigurationException e) {
            // no API key: every pair would fail the same way; let the record go to the dead-letter topic, loudly
            throw e;
        } catch (LlmException e) {
            LOG.warnf("run %s: no response could be sampled (%s)", runId, e.getMessage());
            return new Sampled(prompt, List.of(), n, e.usage());
        }
    }
}
