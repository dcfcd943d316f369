package dev.autoif.query.messaging;

import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
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
 * Samples K responses for one instruction x query at one attempt and publishes them as one {@code responses.sampled}
 * record. The LLM seed comes from the run seed, the pair's texts and the attempt: the same spec samples the same way
 * again (whatever its run id), and a resample asks with a different seed.
 */
@ApplicationScoped
public class PairSampler {

    /** Drop reasons, in responses (failed-response) or in pairs (no-response). */
    public static final String FAILED_RESPONSE = "failed-response";
    public static final String NO_RESPONSE = "no-response";

    public record Pair(String instructionId, String instruction, String queryId, String query,
            List<FunctionRef> functions) {
    }

    private final ResponseSampler sampler;
    private final Producers producers;

    public PairSampler(ResponseSampler sampler, Producers producers) {
        this.sampler = sampler;
        this.producers = producers;
    }

    /** The published sample, or empty when no response at all was obtained (counted in {@code dropped}). */
    public Optional<ResponseSampled> sampleAndPublish(RunSpec spec, Pair pair, int attempt,
            Map<String, Long> dropped) {
        return publish(spec, pair, attempt, sample(spec, pair, attempt), dropped);
    }

    /**
     * Samples several pairs at once (each on a virtual thread; the LLM client's concurrency limit bounds the
     * requests in flight), then publishes them one by one in the given order, so the output order and the message
     * ids do not depend on which answer came first.
     *
     * @return how many pairs were published
     */
    public long sampleAndPublishAll(RunSpec spec, List<Pair> pairs, int attempt, Map<String, Long> dropped) {
        List<Future<ResponseSampler.Sampled>> futures = new ArrayList<>(pairs.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Pair pair : pairs) {
                futures.add(pool.submit(() -> sample(spec, pair, attempt)));
            }
            long out = 0;
            for (int i = 0; i < pairs.size(); i++) {
                if (publish(spec, pairs.get(i), attempt, futures.get(i).get(), dropped).isPresent()) {
                    out++;
                }
            }
            return out;
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

    private ResponseSampler.Sampled sample(RunSpec spec, Pair pair, int attempt) {
        RunParameters p = spec.parameters();
        return sampler.sample(spec.runId(), p.models().responses(), pair.instruction(), pair.query(),
                p.responsesPerQuery(),
                Seeds.responses(p.seed(), pair.instruction(), pair.query(), attempt));
    }

    private Optional<ResponseSampled> publish(RunSpec spec, Pair pair, int attempt, ResponseSampler.Sampled s,
            Map<String, Long> dropped) {
        if (s.failed() > 0) {
            dropped.merge(FAILED_RESPONSE, (long) s.failed(), Long::sum);
        }
        if (s.responses().isEmpty()) {
            dropped.merge(NO_RESPONSE, 1L, Long::sum);
            return Optional.empty();
        }
        ResponseSampled sample = new ResponseSampled(SampleIds.sampleId(pair.instructionId(), pair.queryId(), attempt),
                spec.runId(), pair.instructionId(), pair.instruction(), pair.queryId(), pair.query(), s.prompt(),
                pair.functions(), s.responses(), attempt);
        producers.sampled(sample);
        return Optional.of(sample);
    }
}
