package dev.autoif.query.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.LlmSpend;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.RoundPrompt;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmException;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.LlmResult;
import dev.autoif.llm.quarkus.LlmEndpoints;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import dev.autoif.query.domain.Seeds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Online DPO (paper 3.4): K responses to one round prompt from the round's policy endpoint (not the run's LLM), as a
 * {@code responses.sampled} record of that round (no functions: the verifier uses the instruction's kept ones). The
 * LLM seed derives from the round, so no round gets an earlier round's answers from the cache. A prompt the policy
 * did not answer (endpoint down, no key) is still sent, with no responses, so the round can finish and say so.
 */
@ApplicationScoped
public class RoundSamplingConsumer implements StepWork<RoundPrompt> {

    static final String CONSUMER = "round-sampling";

    private static final Logger LOG = Logger.getLogger(RoundSamplingConsumer.class);

    private final ConsumerStep step;
    private final LlmEndpoints endpoints;

    public RoundSamplingConsumer(ConsumerStep step, LlmEndpoints endpoints) {
        this.step = step;
        this.endpoints = endpoints;
    }

    @Incoming(Topics.ROUNDS_PROMPTS)
    @Blocking(value = CONSUMER, ordered = false)
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public MessageType input() {
        return MessageType.RoundPrompt;
    }

    @Override
    public RoundPrompt validate(Envelope<RoundPrompt> in) {
        RoundPrompt p = in.payload();
        if (p.runId() == null || p.sampleId() == null || p.instructionId() == null || p.queryId() == null
                || p.prompt() == null || p.policyPrompt() == null || p.policyPrompt().isBlank() || p.round() < 1
                || p.policy() == null || p.policy().baseUrl() == null || p.policy().model() == null
                || p.k() < 1 || p.k() > LlmRequest.MAX_N || p.temperature() < 0 || p.temperature() > 2) {
            throw new InvalidMessageException("round prompt without run, sample, instruction, query, prompt,"
                    + " round >= 1, policy, k in 1.." + LlmRequest.MAX_N + " or temperature in 0..2");
        }
        return p;
    }

    @Override
    public String runId(RoundPrompt p) {
        return p.runId();
    }

    @Override
    public StepOutcome process(Envelope<RoundPrompt> in, RunSpec spec) {
        RoundPrompt p = in.payload();
        Sampled s = sample(p);
        ResponseSampled sampled = new ResponseSampled(p.sampleId(), p.runId(), p.instructionId(), p.instruction(),
                p.queryId(), p.query(), p.prompt(), List.of(), s.responses(), 0, p.round(), s.spend());
        return StepOutcome.none().send(Topics.RESPONSES_SAMPLED, p.instructionId(), "sampled:" + p.sampleId(),
                p.runId(), MessageType.ResponseSampled, sampled);
    }

    /** The policy's responses and what asking for them cost. */
    private record Sampled(List<String> responses, LlmSpend spend) {
    }

    private Sampled sample(RoundPrompt p) {
        int seed = Seeds.round(p.seed(), p.round(), Objects.requireNonNullElse(p.instruction(), p.prompt()),
                Objects.requireNonNullElse(p.query(), ""));
        LlmRequest request = new LlmRequest(p.runId(), Stage.QUERY_SAMPLING, p.policy().model(),
                List.of(ChatMessage.user(p.policyPrompt())), p.temperature(), null, p.k(), seed);
        try {
            LlmClient policy = endpoints.client(p.policy().baseUrl(), p.policy().apiKeyEnv());
            try {
                LlmResult result = policy.complete(request);
                return new Sampled(result.texts(), result.usage().spend());
            } catch (LlmException e) {
                LOG.warnf("run %s round %d: the policy at %s gave no response for %s (%s)", p.runId(), p.round(),
                        p.policy().baseUrl(), p.sampleId(), e.getMessage());
                // the requests it made were still sent (and may be billed): the round counts them
                return new Sampled(List.of(), e.usage().spend());
            } finally {
                // a round's tokens travel with its samples, not in the run's funnel: the ledger only needs emptying
                policy.drainUsage(p.runId(), Stage.QUERY_SAMPLING);
            }
        } catch (LlmException | IllegalArgumentException e) {
            LOG.warnf("run %s round %d: the policy at %s gave no response for %s (%s)", p.runId(), p.round(),
                    p.policy().baseUrl(), p.sampleId(), e.getMessage());
            return new Sampled(List.of(), null);
        }
    }
}
