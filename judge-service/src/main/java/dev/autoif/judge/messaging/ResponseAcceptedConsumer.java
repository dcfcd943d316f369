package dev.autoif.judge.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.judge.ai.JudgeRun;
import dev.autoif.judge.ai.ResponseJudge;
import dev.autoif.judge.config.JudgeConfig;
import dev.autoif.judge.domain.JudgePolicy;
import dev.autoif.judge.domain.Judgement;
import dev.autoif.judge.persistence.StoredJudgement;
import dev.autoif.platform.messaging.Idempotency;
import dev.autoif.platform.messaging.KafkaMessages;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.platform.messaging.RunSpecs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * responses.accepted -> responses.judged (paper 3.3, query quality verification). Every judgement is published,
 * kept or dropped, so export can show why a sample went. The judge is asked outside any transaction; the
 * judgement, the idempotency marker and both sends share one transaction, and a response already judged (under
 * any message id) is never asked about again.
 */
@ApplicationScoped
public class ResponseAcceptedConsumer {

    static final String CONSUMER = "judge";

    private static final Logger LOG = Logger.getLogger(ResponseAcceptedConsumer.class);

    private final Idempotency idempotency;
    private final RunSpecs runSpecs;
    private final ResponseJudge judge;
    private final JudgeConfig config;
    private final MeterRegistry meters;
    private final Emitter<String> judged;
    private final Emitter<String> progress;

    public ResponseAcceptedConsumer(Idempotency idempotency, RunSpecs runSpecs, ResponseJudge judge,
            JudgeConfig config, MeterRegistry meters, @Channel(Topics.RESPONSES_JUDGED) Emitter<String> judged,
            @Channel(Topics.RUNS_PROGRESS) Emitter<String> progress) {
        this.idempotency = idempotency;
        this.runSpecs = runSpecs;
        this.judge = judge;
        this.config = config;
        this.meters = meters;
        this.judged = judged;
        this.progress = progress;
    }

    @Incoming(Topics.RESPONSES_ACCEPTED)
    @Blocking
    public void consume(String json) {
        Envelope<ResponseAccepted> envelope = EnvelopeCodec.decode(json, MessageType.ResponseAccepted);
        ResponseAccepted r = JudgedRecords.requireComplete(envelope.payload());
        String messageId = envelope.messageId();
        if (alreadyDone(messageId, r)) {
            return;
        }
        RunSpec spec = runSpecs.require(r.runId(), config.runSpecWait());
        if (spec.cancelled()) {
            QuarkusTransaction.requiringNew().run(() -> idempotency.firstDelivery(CONSUMER, messageId));
            return;
        }
        RunParameters p = RunParameters.withDefaults(spec.parameters());
        JudgeRun run = judge.judge(r.runId(), p.models().judge(), p.seed(), Math.max(1, p.judgeSamples()),
                r.instruction(), r.query(), r.response());
        Judgement j = JudgePolicy.decide(run.answers(), p.judgeThreshold());
        boolean published = QuarkusTransaction.requiringNew().call(() -> record(messageId, r, j, run));
        if (published) {
            count(j, run);
        }
    }

    /** Seen this message, or judged this response under another message id: nothing to do. */
    private boolean alreadyDone(String messageId, ResponseAccepted r) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (idempotency.seen(CONSUMER, messageId)) {
                return true;
            }
            if (StoredJudgement.find(r.runId(), r.responseId()).isPresent()) {
                idempotency.firstDelivery(CONSUMER, messageId);
                LOG.debugf("response %s of run %s was already judged; message %s ignored", r.responseId(),
                        r.runId(), messageId);
                return true;
            }
            return false;
        });
    }

    /** Inside the transaction: false when another delivery got here first (it has published). */
    private boolean record(String messageId, ResponseAccepted r, Judgement j, JudgeRun run) {
        if (!idempotency.firstDelivery(CONSUMER, messageId)
                || StoredJudgement.find(r.runId(), r.responseId()).isPresent()) {
            return false;
        }
        store(messageId, r, j);
        // Waiting for the broker's acks inside the transaction: if a send fails, nothing is committed and the
        // redelivery re-sends under the same message ids (the judge's answers then come from the LLM cache).
        KafkaMessages.send(judged, r.instructionId(), Envelope.of(JudgedRecords.judgedMessageId(r), r.runId(),
                MessageType.ResponseJudged, JudgedRecords.judged(r, j))).toCompletableFuture().join();
        Progress.send(progress, JudgedRecords.progressMessageId(r), delta(r, j, run)).toCompletableFuture().join();
        return true;
    }

    private static void store(String messageId, ResponseAccepted r, Judgement j) {
        StoredJudgement s = new StoredJudgement();
        s.id = StoredJudgement.key(r.runId(), r.responseId());
        s.runId = r.runId();
        s.responseId = r.responseId();
        s.instructionId = r.instructionId();
        s.score = j.score();
        s.analysis = j.analysis();
        s.status = j.status();
        s.kept = j.kept();
        s.dropReason = j.dropReason();
        s.samples = j.samples();
        s.scoredSamples = j.scoredSamples();
        s.sourceMessageId = messageId;
        s.judgedAt = Instant.now();
        // Flushed before the sends: a constraint violation must stop the transaction before anything is published.
        s.persistAndFlush();
    }

    private static StageProgress delta(ResponseAccepted r, Judgement j, JudgeRun run) {
        Map<String, Long> dropped = j.kept() ? Map.of() : Map.of(j.dropReason(), 1L);
        return new StageProgress(r.runId(), Stage.JUDGE, 1, j.kept() ? 1 : 0, dropped, run.usage().calls(),
                run.usage().promptTokens(), run.usage().completionTokens(), false);
    }

    private void count(Judgement j, JudgeRun run) {
        meters.counter("autoif.judge.judgements", "outcome", j.kept() ? "kept" : j.dropReason()).increment();
        if (run.retried() > 0) {
            meters.counter("autoif.judge.retried.samples").increment(run.retried());
        }
    }
}
