package dev.autoif.query.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmUsage;
import dev.autoif.platform.messaging.Idempotency;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.query.config.QueryConfig;
import dev.autoif.query.domain.Rejection;
import dev.autoif.query.domain.SampleIds;
import dev.autoif.query.persistence.Preferences;
import dev.autoif.query.persistence.ResampleBudget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Rejection sampling (paper 3.3). Responses whose pass rate meets the run's threshold go to
 * {@code responses.accepted}. Where none passed, the pair is sampled once more if the run's resample budget allows:
 * the resample's QUERY_SAMPLING delta (one more sample out) is acknowledged before this REJECTION delta is sent on
 * the same run key, so the run never looks finished while the resample is in flight.
 *
 * <p>REJECTION counts pairs in and accepted responses out. Reasons: {@code below-pass-rate} (responses),
 * {@code no-passing-response} (pairs given up), {@code resampled} (pairs replaced by a resample),
 * {@code resample-failed} (resamples that produced nothing), and {@code recovered-by-resample} (resampled pairs that
 * did yield an accepted response; a tally, not a loss).
 */
@ApplicationScoped
public class RejectionConsumer {

    static final String CONSUMER = "rejection";
    public static final String BELOW_PASS_RATE = "below-pass-rate";
    public static final String NO_PASSING_RESPONSE = "no-passing-response";
    public static final String RESAMPLED = "resampled";
    public static final String RESAMPLE_FAILED = "resample-failed";
    public static final String RECOVERED = "recovered-by-resample";

    private final RunSpecs runSpecs;
    private final Idempotency idempotency;
    private final ResampleBudget budget;
    private final Preferences preferences;
    private final PairSampler pairs;
    private final Producers producers;
    private final LlmClient llm;
    private final QueryConfig config;

    public RejectionConsumer(RunSpecs runSpecs, Idempotency idempotency, ResampleBudget budget,
            Preferences preferences, PairSampler pairs, Producers producers, LlmClient llm, QueryConfig config) {
        this.runSpecs = runSpecs;
        this.idempotency = idempotency;
        this.budget = budget;
        this.preferences = preferences;
        this.pairs = pairs;
        this.producers = producers;
        this.llm = llm;
        this.config = config;
    }

    @Incoming(Topics.RESPONSES_VERIFIED)
    @Blocking
    public void consume(String json) {
        Envelope<ResponseVerified> envelope = EnvelopeCodec.decode(json, MessageType.ResponseVerified);
        ResponseVerified v = validate(envelope.payload());
        String messageId = envelope.messageId();
        if (QuarkusTransaction.requiringNew().call(() -> idempotency.seen(CONSUMER, messageId))) {
            return;
        }
        RunSpec spec = runSpecs.require(v.runId(), config.runSpecWait());
        if (spec.cancelled()) {
            QuarkusTransaction.requiringNew().run(() -> idempotency.firstDelivery(CONSUMER, messageId));
            return;
        }
        RunParameters p = spec.parameters();
        Rejection rejection = Rejection.of(v.responses(), p.responsePassRate());
        Map<String, Long> dropped = new TreeMap<>();
        if (rejection.below() > 0) {
            dropped.put(BELOW_PASS_RATE, (long) rejection.below());
        }
        if (!rejection.nonePassed() && v.attempt() > 0) {
            dropped.put(RECOVERED, 1L);
        }
        if (rejection.nonePassed()) {
            boolean granted = rejection.mayResample(v.attempt()) && p.resampleBudget() > 0
                    && budget.grant(v.runId(), v.sampleId(), p.resampleBudget());
            if (!granted) {
                dropped.put(NO_PASSING_RESPONSE, 1L);
            } else if (resample(spec, v)) {
                dropped.put(RESAMPLED, 1L);
            } else {
                dropped.put(NO_PASSING_RESPONSE, 1L);
                dropped.put(RESAMPLE_FAILED, 1L);
            }
        }
        StageProgress delta = new StageProgress(v.runId(), Stage.REJECTION, 1, rejection.accepted().size(), dropped,
                0, 0, 0, false);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!idempotency.firstDelivery(CONSUMER, messageId)) {
                return;
            }
            preferences.keep(v, rejection);
            for (VerifiedResponse r : rejection.accepted()) {
                producers.accepted(new ResponseAccepted(SampleIds.responseId(v.sampleId(), r.index()), v.sampleId(),
                        v.runId(), v.instructionId(), v.instruction(), v.queryId(), v.query(), v.prompt(), r.text(),
                        r.passRate()));
            }
            producers.progress(CONSUMER + ":" + messageId, delta);
        });
    }

    /** Samples the pair again (attempt + 1) and reports it as QUERY_SAMPLING output, acknowledged, before returning. */
    private boolean resample(RunSpec spec, ResponseVerified v) {
        Map<String, Long> samplingDropped = new TreeMap<>();
        PairSampler.Pair pair = new PairSampler.Pair(v.instructionId(), v.instruction(), v.queryId(), v.query(),
                v.functions());
        int attempt = v.attempt() + 1;
        Optional<ResponseSampled> again = pairs.sampleAndPublish(spec, pair, attempt, samplingDropped);
        LlmUsage usage = llm.drainUsage(spec.runId(), Stage.QUERY_SAMPLING);
        producers.progress(SamplingConsumer.CONSUMER + ":resample:"
                + SampleIds.sampleId(v.instructionId(), v.queryId(), attempt),
                new StageProgress(spec.runId(), Stage.QUERY_SAMPLING, 0, again.isPresent() ? 1 : 0, samplingDropped,
                        usage.calls(), usage.promptTokens(), usage.completionTokens(), false));
        return again.isPresent();
    }

    private static ResponseVerified validate(ResponseVerified v) {
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
