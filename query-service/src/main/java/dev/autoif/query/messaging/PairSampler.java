package dev.autoif.query.messaging;

import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.llm.LlmUsage;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.query.ai.ResponseSampler;
import dev.autoif.query.domain.SampleIds;
import dev.autoif.query.domain.Seeds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Samples K responses for instruction x query pairs at one attempt, as {@code responses.sampled} records. The LLM
 * seed comes from the run seed, the pair's texts and the attempt: the same spec samples the same way again (whatever
 * its run id), and a resample asks with a different seed. Nothing is sent here: the consumer adds the records to its
 * outcome, committed with its marker.
 */
@ApplicationScoped
public class PairSampler {

    /** Drop reasons, in responses (failed-response) or in pairs (no-response). */
    public static final String FAILED_RESPONSE = "failed-response";
    public static final String NO_RESPONSE = "no-response";

    public record Pair(String instructionId, String instruction, String queryId, String query,
            List<FunctionRef> functions) {
    }

    /** The samples of a batch of pairs, in pair order (pairs with no response left out), and what they cost. */
    public record Batch(List<ResponseSampled> samples, LlmUsage usage) {
    }

    private final ResponseSampler sampler;

    public PairSampler(ResponseSampler sampler) {
        this.sampler = sampler;
    }


    /**
     * Samples several pairs at once (each on a virtual thread; the LLM client's concurrency limit bounds the
     * requests in flight) and returns the samples in the given order, so the output order and the message ids do
     * not depend on which answer came first.
     */
    public Batch sampleAll(RunSpec spec, List<Pair> pairs, int attempt, Map<String, Long> dropped) {
        List<Future<ResponseSampler.Sampled>> futures = new ArrayList<>(pairs.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Pair pair : pairs) {
                futures.add(pool.submit(() -> ask(spec, pair, attempt)));
            }
            List<ResponseSampled> out = new ArrayList<>();
            LlmUsage usage = LlmUsage.ZERO;
            for (int i = 0; i < pairs.size(); i++) {
                ResponseSampler.Sampled s = futures.get(i).get();
                usage = usage.plus(s.usage());
                toRecord(spec, pairs.get(i), attempt, s, dropped).ifPresent(out::add);
            }
            return new Batch(out, usage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling", e);
        } catch (ExecutionException e) {
            // e.g. a missing API key: surface it as it is, so the record is dead-lettered with the reason
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Adds a sample to an outcome, keyed by instruction id, its message id derived from the sample id. */
    public static StepOutcome send(StepOutcome outcome, ResponseSampled s) {
        return outcome.send(Topics.RESPONSES_SAMPLED, s.instructionId(), "sampled:" + s.sampleId(), s.runId(),
                MessageType.ResponseSampled, s);
    }

    private ResponseSampler.Sampled ask(RunSpec spec, Pair pair, int attempt) {
        RunParameters p = spec.parameters();
        return sampler.sample(spec.runId(), p.models().responses(), p.llmMode(Stage.QUERY_SAMPLING),
                pair.instruction(), pair.query(),
                p.responsesPerQuery(),
                Seeds.responses(p.seed(), pair.instruction(), pair.query(), attempt));
    }

    private static Optional<ResponseSampled> toRecord(RunSpec spec, Pair pair, int attempt,
            ResponseSampler.Sampled s, Map<String, Long> dropped) {
        if (s.failed() > 0) {
            dropped.merge(FAILED_RESPONSE, (long) s.failed(), Long::sum);
        }
        if (s.responses().isEmpty()) {
            dropped.merge(NO_RESPONSE, 1L, Long::sum);
            return Optional.empty();
        }
        return Optional.of(new ResponseSampled(SampleIds.sampleId(pair.instructionId(), pair.queryId(), attempt),
                spec.runId(), pair.instructionId(), pair.instruction(), pair.queryId(), pair.query(), s.prompt(),
                pair.functions(), s.responses(), attempt));
    }
}
