package dev.autoif.query.messaging;

import dev.autoif.contracts.Envelope;
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
import dev.autoif.llm.LlmUsage;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import dev.autoif.query.config.QueryConfig;
import dev.autoif.query.domain.QueryPicker;
import dev.autoif.query.domain.Seeds;
import dev.autoif.query.persistence.QueryLookup;
import dev.autoif.query.persistence.QueryLookup.StoredQuery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Query augmentation (paper 3.3): each accepted instruction is joined with {@code queriesPerInstruction} queries of
 * the run's corpus, picked from a seed (run seed + instruction text), and K responses are sampled per pair. One
 * {@code responses.sampled} record per pair, then one QUERY_SAMPLING progress delta (in 1 instruction, out = pairs
 * published, LLM usage). Instructions run concurrently (worker pool {@code query-sampling}) and the pairs of one
 * instruction are sampled at once; the platform {@link ConsumerStep} commits the marker and the outputs together.
 */
@ApplicationScoped
public class SamplingConsumer implements StepWork<InstructionAccepted> {

    static final String CONSUMER = "query-sampling";
    public static final String UNKNOWN_CORPUS = "unknown-corpus";
    public static final String EMPTY_CORPUS_PICK = "no-query";

    private static final Logger LOG = Logger.getLogger(SamplingConsumer.class);

    private final ConsumerStep step;
    private final QueryLookup queries;
    private final PairSampler pairs;
    private final QueryConfig config;

    public SamplingConsumer(ConsumerStep step, QueryLookup queries, PairSampler pairs, QueryConfig config) {
        this.step = step;
        this.queries = queries;
        this.pairs = pairs;
        this.config = config;
    }

    @Incoming(Topics.INSTRUCTIONS_ACCEPTED)
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
        return MessageType.InstructionAccepted;
    }

    /** It spends on the LLM: a run paused by its budget holds its records here until resumed. */
    @Override
    public boolean pausesOnBudget() {
        return true;
    }

    @Override
    public String runId(InstructionAccepted a) {
        return a.runId();
    }

    @Override
    public StepOutcome process(Envelope<InstructionAccepted> in, RunSpec spec) {
        Map<String, Long> dropped = new TreeMap<>();
        PairSampler.Batch batch = sample(spec, in.payload(), dropped);
        StepOutcome out = StepOutcome.none();
        batch.samples().forEach(s -> PairSampler.send(out, s));
        LlmUsage usage = batch.usage();
        return out.progress(CONSUMER + ":" + in.messageId(), usage.costInto(new StageProgress(spec.runId(),
                Stage.QUERY_SAMPLING, 1, batch.samples().size(), dropped, usage.calls(), usage.promptTokens(),
                usage.completionTokens(), false)));
    }

    private PairSampler.Batch sample(RunSpec spec, InstructionAccepted instruction, Map<String, Long> dropped) {
        RunParameters p = spec.parameters();
        String corpusId = spec.corpusId() == null || spec.corpusId().isBlank() ? RunSpec.DEFAULT_CORPUS
                : spec.corpusId();
        Optional<Long> size = queries.readySize(corpusId, config.corpusLoadWait());
        if (size.isEmpty()) {
            LOG.warnf("run %s: corpus %s is not loaded (unknown, or still loading); instruction %s gets no queries",
                    spec.runId(), corpusId, instruction.instructionId());
            dropped.put(UNKNOWN_CORPUS, 1L);
            return new PairSampler.Batch(List.of(), LlmUsage.ZERO);
        }
        List<Long> ordinals = QueryPicker.pick(Seeds.queryPick(p.seed(), instruction.text()),
                size.get(), p.queriesPerInstruction());
        List<StoredQuery> picked = queries.byOrdinals(corpusId, ordinals);
        if (picked.isEmpty()) {
            dropped.put(EMPTY_CORPUS_PICK, 1L);
            return new PairSampler.Batch(List.of(), LlmUsage.ZERO);
        }
        List<FunctionRef> functions = instruction.functions().stream()
                .map(f -> new FunctionRef(f.functionId(), f.code())).toList();
        List<PairSampler.Pair> batch = picked.stream().map(q -> new PairSampler.Pair(instruction.instructionId(),
                instruction.text(), q.id(), q.text(), functions)).toList();
        return pairs.sampleAll(spec, batch, 0, dropped);
    }

    @Override
    public InstructionAccepted validate(Envelope<InstructionAccepted> envelope) {
        InstructionAccepted a = envelope.payload();
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
