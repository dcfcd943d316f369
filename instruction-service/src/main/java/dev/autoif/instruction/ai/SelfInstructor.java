package dev.autoif.instruction.ai;

import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.domain.InstructionText;
import dev.autoif.instruction.domain.SeedExamples;
import dev.autoif.instruction.domain.SelfInstructMerge;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmInterruptedException;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.LlmResult;
import dev.autoif.llm.LlmUsage;
import dev.autoif.llm.PromptTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Paper 3.2, self-instruct: K rounds of the prompt (seeds as examples), each round one sample with its own index,
 * asked for as {@code n} samples per request. The samples are cached by index, so a resumed or repeated run
 * asks for nothing again. A round whose sample could not be obtained at all fails the whole step (and the run): a
 * silently smaller instruction set would make two runs of one spec differ.
 */
@ApplicationScoped
public class SelfInstructor {

    private final LlmClient client;
    private final InstructionConfig.SelfInstruct config;
    private final PromptTemplate template;

    public SelfInstructor(LlmClient client, InstructionConfig config) {
        this.client = client;
        this.config = config.selfInstruct();
        this.template = PromptTemplate.load(this.config.prompt());
    }

    /** The merged instruction set and what the LLM calls cost. */
    public record Outcome(SelfInstructMerge.Result result, LlmUsage usage) {
    }

    public Outcome run(RunSpec spec) {
        int rounds = spec.parameters().selfInstructRounds();
        int perRequest = Math.max(1, Math.min(config.roundsPerRequest(), LlmRequest.MAX_N));
        int seed = LlmSeeds.of(spec.parameters().seed());
        List<LlmRequest> requests = new ArrayList<>();
        for (int first = 0; first < rounds; first += perRequest) {
            requests.add(new LlmRequest(spec.runId(), Stage.SELF_INSTRUCT, spec.parameters().models().selfInstruct(),
                    messages(spec, first), config.temperature(), config.maxTokens().orElse(null),
                    Math.min(perRequest, rounds - first), seed + first));
        }
        List<String> answers = new ArrayList<>();
        LlmUsage usage = LlmUsage.ZERO;
        for (LlmResult r : completeAll(requests)) {
            usage = usage.plus(r.usage());
            answers.addAll(r.allTextsOrThrow());
        }
        return new Outcome(SelfInstructMerge.merge(spec.runId(), spec.seedInstructions(), answers,
                config.nearDuplicateThreshold()), usage);
    }

    /** The prompt of the request whose first round is {@code first}: the spec's seeds (a sample of them) as examples. */
    public List<ChatMessage> messages(RunSpec spec, int first) {
        List<String> examples = SeedExamples.pick(spec.seedInstructions(), config.maxExamples(),
                spec.parameters().seed() + first);
        return List.of(ChatMessage.user(template.render(Map.of("count", config.count(), "examples",
                examples.stream().map(s -> "- " + InstructionText.clean(s)).collect(Collectors.joining("\n"))))));
    }

    /** The requests side by side (the client's limits bound what really goes out), results in request order. */
    private List<LlmResult> completeAll(List<LlmRequest> requests) {
        if (requests.size() <= 1) {
            return requests.stream().map(client::complete).toList();
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LlmResult>> futures = requests.stream().map(r -> pool.submit(() -> client.complete(r)))
                    .toList();
            List<LlmResult> results = new ArrayList<>();
            for (Future<LlmResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmInterruptedException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
