package dev.autoif.query.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmUsage;
import dev.autoif.platform.messaging.Idempotency;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.query.config.QueryConfig;
import dev.autoif.query.domain.QueryPicker;
import dev.autoif.query.domain.Seeds;
import dev.autoif.query.persistence.QueryLookup;
import dev.autoif.query.persistence.QueryLookup.StoredQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Query augmentation (paper 3.3): each accepted instruction is joined with {@code queriesPerInstruction} queries of
 * the run's corpus, picked from a seed (run seed + instruction id), and K responses are sampled per pair. One
 * {@code responses.sampled} record per pair, then one QUERY_SAMPLING progress delta (in 1 instruction, out = pairs
 * published, LLM usage). The LLM calls run outside any transaction; the idempotency marker and the progress delta
 * commit together, and a redelivery before that commit re-publishes the same message ids (and the LLM cache answers).
 */
@ApplicationScoped
public class SamplingConsumer {

    static final String CONSUMER = "query-sampling";
    public static final String UNKNOWN_CORPUS = "unknown-corpus";
    public static final String EMPTY_CORPUS_PICK = "no-query";

    private static final Logger LOG = Logger.getLogger(SamplingConsumer.class);

    private final RunSpecs runSpecs;
    private final Idempotency idempotency;
    private final QueryLookup queries;
    private final PairSampler pairs;
    private final Producers producers;
    private final LlmClient llm;
    private final QueryConfig config;

    public SamplingConsumer(RunSpecs runSpecs, Idempotency idempotency, QueryLookup queries, PairSampler pairs,
            Producers producers, LlmClient llm, QueryConfig config) {
        this.runSpecs = runSpecs;
        this.idempotency = idempotency;
        this.queries = queries;
        this.pairs = pairs;
        this.producers = producers;
        this.llm = llm;
        this.config = config;
    }

    @Incoming(Topics.INSTRUCTIONS_ACCEPTED)
    @Blocking
    public void consume(String json) {
        Envelope<InstructionAccepted> envelope = EnvelopeCodec.decode(json, MessageType.InstructionAccepted);
        InstructionAccepted instruction = validate(envelope.payload());
        String messageId = envelope.messageId();
        if (QuarkusTransaction.requiringNew().call(() -> idempotency.seen(CONSUMER, messageId))) {
            return;
        }
        RunSpec spec = runSpecs.require(instruction.runId(), config.runSpecWait());
        if (spec.cancelled()) {
            QuarkusTransaction.requiringNew().run(() -> idempotency.firstDelivery(CONSUMER, messageId));
            return;
        }
        Map<String, Long> dropped = new TreeMap<>();
        long out = sample(spec, instruction, dropped);
        LlmUsage usage = llm.drainUsage(spec.runId(), Stage.QUERY_SAMPLING);
        StageProgress delta = new StageProgress(spec.runId(), Stage.QUERY_SAMPLING, 1, out, dropped, usage.calls(),
                usage.promptTokens(), usage.completionTokens(), false);
        QuarkusTransaction.requiringNew().run(() -> {
            if (idempotency.firstDelivery(CONSUMER, messageId)) {
                producers.progress(CONSUMER + ":" + messageId, delta);
            }
        });
    }

    private long sample(RunSpec spec, InstructionAccepted instruction, Map<String, Long> dropped) {
        RunParameters p = spec.parameters();
        String corpusId = spec.corpusId() == null || spec.corpusId().isBlank() ? RunSpec.DEFAULT_CORPUS
                : spec.corpusId();
        Optional<Long> size = queries.readySize(corpusId, config.corpusLoadWait());
        if (size.isEmpty()) {
            LOG.warnf("run %s: corpus %s is not loaded (unknown, or still loading); instruction %s gets no queries",
                    spec.runId(), corpusId, instruction.instructionId());
            dropped.put(UNKNOWN_CORPUS, 1L);
            return 0;
        }
        List<Long> ordinals = QueryPicker.pick(Seeds.queryPick(p.seed(), instruction.text()),
                size.get(), p.queriesPerInstruction());
        List<StoredQuery> picked = queries.byOrdinals(corpusId, ordinals);
        if (picked.isEmpty()) {
            dropped.put(EMPTY_CORPUS_PICK, 1L);
            return 0;
        }
        List<FunctionRef> functions = instruction.functions().stream()
                .map(f -> new FunctionRef(f.functionId(), f.code())).toList();
        List<PairSampler.Pair> batch = picked.stream().map(q -> new PairSampler.Pair(instruction.instructionId(),
                instruction.text(), q.id(), q.text(), functions)).toList();
        return pairs.sampleAndPublishAll(spec, batch, 0, dropped);
    }

    private static InstructionAccepted validate(InstructionAccepted a) {
        if (a.instructionId() == null || a.instructionId().isBlank()) {
            throw new InvalidMessageException("accepted instruction without instructionId");
        }
        if (a.runId() == null || a.runId().isBlank()) {
            throw new InvalidMessageException("accepted instruction " + a.instructionId() + " without runId");
        }
        if (a.text() == null || a.text().isBlank()) {
            throw new InvalidMessageException("accepted instruction " + a.instructionId() + " without text");
        }
        if (a.functions() == null || a.functions().isEmpty()) {
            throw new InvalidMessageException("accepted instruction " + a.instructionId() + " has no functions");
        }
        for (ScoredFunction f : a.functions()) {
            if (f == null || f.functionId() == null || f.code() == null || f.code().isBlank()) {
                throw new InvalidMessageException("accepted instruction " + a.instructionId()
                        + " has a function without id or code");
            }
        }
        return a;
    }
}
