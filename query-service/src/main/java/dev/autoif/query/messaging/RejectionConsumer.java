package dev.autoif.query.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.llm.LlmUsage;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import dev.autoif.query.domain.Rejection;
import dev.autoif.query.domain.SampleIds;
import dev.autoif.query.persistence.ResampleBudget;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Rejection sampling (paper 3.3). Responses whose pass rate meets the run's threshold go to
 * {@code responses.accepted}. Where none passed, the pair is sampled once more if the run's resample budget allows
 * (the grant is stored per sample, so a redelivery never charges twice): the resample, its QUERY_SAMPLING delta (one
 * more sample out) and then this REJECTION delta are committed together and relayed in that order on the run key, so
 * the run never looks finished while the resample is in flight. Records run concurrently (worker pool
 * {@code rejection}).
 *
 * <p>REJECTION counts pairs in and accepted responses out. Reasons: {@code below-pass-rate} (responses),
 * {@code no-passing-response} (pairs given up), {@code resampled} (pairs replaced by a resample),
 * {@code resample-failed} (resamples that produced nothing). {@code recovered-by-resample} (resampled pairs that did
 * yield an accepted response) is reported as a mode of the stage, not as a drop: nothing was lost.
 */
@ApplicationScoped
public class RejectionConsumer implements StepWork<ResponseVerified> {

    static final String CONSUMER = "rejection";
    public static final String BELOW_PASS_RATE = "below-pass-rate";
    public static final String NO_PASSING_RESPONSE = "no-passing-response";
    public static final String RESAMPLED = "resampled";
    public static final String RESAMPLE_FAILED = "resample-failed";
    public static final String RECOVERED = "recovered-by-resample";

    private final ConsumerStep step;
    private final ResampleBudget budget;
    private final PairSampler pairs;

    public RejectionConsumer(ConsumerStep step, ResampleBudget budget, PairSampler pairs) {
        this.step = step;
        this.budget = budget;
        this.pairs = pairs;
    }

    @Incoming(Topics.RESPONSES_VERIFIED)
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
        return MessageType.ResponseVerified;
    }

    /** It spends on the LLM: a run paused by its budget holds its records here until resumed. */
    @Override
    public boolean pausesOnBudget() {
        return true;
    }

    @Override
    public String runId(ResponseVerified v) {
        return v.runId();
    }

    @Override
    public StepOutcome process(Envelope<ResponseVerified> in, RunSpec spec) {
        ResponseVerified v = in.payload();
        if (v.round() > 0) {
            return StepOutcome.none(); // an online DPO round's sample: export pairs it, nothing is rejected or judged
        }
        RunParameters p = spec.parameters();
        Rejection rejection = Rejection.of(v.responses(), p.responsePassRate());
        Map<String, Long> dropped = new TreeMap<>();
        Map<String, Long> modes = new TreeMap<>();
        if (rejection.below() > 0) {
            dropped.put(BELOW_PASS_RATE, (long) rejection.below());
        }
        if (!rejection.nonePassed() && v.attempt() > 0) {
            modes.put(RECOVERED, 1L);
        }
        StepOutcome out = StepOutcome.none();
        if (rejection.nonePassed()) {
            boolean granted = rejection.mayResample(v.attempt()) && p.resampleBudget() > 0
                    && budget.grant(v.runId(), v.sampleId(), p.resampleBudget());
            if (!granted) {
                dropped.put(NO_PASSING_RESPONSE, 1L);
            } else if (resample(spec, v, out)) {
                dropped.put(RESAMPLED, 1L);
            } else {
                dropped.put(NO_PASSING_RESPONSE, 1L);
                dropped.put(RESAMPLE_FAILED, 1L);
            }
        }
        for (VerifiedResponse r : rejection.accepted()) {
            ResponseAccepted a = new ResponseAccepted(SampleIds.responseId(v.sampleId(), r.index()), v.sampleId(),
                    v.runId(), v.instructionId(), v.instruction(), v.queryId(), v.query(), v.prompt(), r.text(),
                    r.passRate());
            out.send(Topics.RESPONSES_ACCEPTED, a.instructionId(), "accepted:" + a.responseId(), a.runId(),
                    MessageType.ResponseAccepted, a);
        }
        return out.progress(CONSUMER + ":" + in.messageId(), new StageProgress(v.runId(), Stage.REJECTION, 1,
                rejection.accepted().size(), dropped, 0, 0, 0, false, modes));
    }

    /** Samples the pair again (attempt + 1) into {@code out}, with its QUERY_SAMPLING delta first. */
    private boolean resample(RunSpec spec, ResponseVerified v, StepOutcome out) {
        Map<String, Long> samplingDropped = new TreeMap<>();
        PairSampler.Pair pair = new PairSampler.Pair(v.instructionId(), v.instruction(), v.queryId(), v.query(),
                v.functions());
        int attempt = v.attempt() + 1;
        PairSampler.Batch again = pairs.sampleAll(spec, List.of(pair), attempt, samplingDropped);
        again.samples().forEach(s -> PairSampler.send(out, s));
        LlmUsage usage = again.usage();
        out.progress(SamplingConsumer.CONSUMER + ":resample:"
                + SampleIds.sampleId(v.instructionId(), v.queryId(), attempt),
                usage.costInto(new StageProgress(spec.runId(), Stage.QUERY_SAMPLING, 0, again.samples().size(),
                        samplingDropped, usage.calls(), usage.promptTokens(), usage.completionTokens(), false)));
        return !again.samples().isEmpty();
    }

    @Override
    public ResponseVerified validate(Envelope<ResponseVerified> envelope) {
        ResponseVerified v = envelope.payload();
        if (blank(v.sampleId()) || blank(v.runId()) || blank(v.instructionId()) || blank(v.queryId())) {
            throw new InvalidMessageException("verified sample without sampleId, runId, instructionId or queryId");
        }
        if (v.instruction() == null || v.query() == null || v.functions() == null) {
            throw new InvalidMessageException("verified sample " + v.sampleId()
                    + " lacks its instruction, query or functions");
        }
        if (v.responses() == null || v.attempt() < 0) {
            throw new InvalidMessageException("verified sample " + v.sampleId() + " has no responses list or a"
                    + " negative attempt");
        }
        for (VerifiedResponse r : v.responses()) {
            if (r == null || r.text() == null || Double.isNaN(r.passRate()) || r.passRate() < 0
                    || r.passRate() > 1) {
                throw new InvalidMessageException("verified sample " + v.sampleId()
                        + " has a response without text or with a pass rate outside [0, 1]");
            }
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
