package dev.autoif.judge.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.judge.ai.JudgeRun;
import dev.autoif.judge.ai.ResponseJudge;
import dev.autoif.judge.domain.JudgePolicy;
import dev.autoif.judge.domain.Judgement;
import dev.autoif.judge.persistence.StoredJudgement;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * responses.accepted -> responses.judged (paper 3.3, query quality verification). Every judgement is published,
 * kept or dropped, so export can show why a sample went. Records are judged concurrently (worker pool
 * {@code judge}, sized to the LLM client's concurrency); the platform {@link ConsumerStep} does the rest, and a
 * response already judged under another message id is not judged into the store twice.
 */
@ApplicationScoped
public class ResponseAcceptedConsumer implements StepWork<ResponseAccepted> {

    static final String CONSUMER = "judge";

    private final ConsumerStep step;
    private final ResponseJudge judge;
    private final MeterRegistry meters;

    public ResponseAcceptedConsumer(ConsumerStep step, ResponseJudge judge, MeterRegistry meters) {
        this.step = step;
        this.judge = judge;
        this.meters = meters;
    }

    @Incoming(Topics.RESPONSES_ACCEPTED)
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
        return MessageType.ResponseAccepted;
    }

    @Override
    public ResponseAccepted validate(Envelope<ResponseAccepted> envelope) {
        ResponseAccepted r = envelope.payload();
        return JudgedRecords.requireComplete(r);
    }

    /** It spends on the LLM: a run paused by its budget holds its records here until resumed. */
    @Override
    public boolean pausesOnBudget() {
        return true;
    }

    @Override
    public String runId(ResponseAccepted r) {
        return r.runId();
    }

    @Override
    public StepOutcome process(Envelope<ResponseAccepted> in, RunSpec spec) {
        ResponseAccepted r = in.payload();
        RunParameters p = spec.parameters();
        JudgeRun run = judge.judge(r.runId(), p.models().judge(), p.llmMode(Stage.JUDGE), p.seed(),
                p.judgeSamples(),
                r.instruction(), r.query(), r.response());
        Judgement j = JudgePolicy.decide(run.answers(), p.judgeThreshold());
        return StepOutcome.none()
                .write(() -> {
                    store(in.messageId(), r, j);
                    count(j, run);
                })
                .send(Topics.RESPONSES_JUDGED, r.instructionId(), JudgedRecords.judgedMessageId(r), r.runId(),
                        MessageType.ResponseJudged, JudgedRecords.judged(r, j))
                .progress(JudgedRecords.progressMessageId(r), delta(r, j, run));
    }

    @Override
    public boolean alreadyApplied(ResponseAccepted r) {
        return StoredJudgement.find(r.runId(), r.responseId()).isPresent();
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
        s.persist();
    }

    private static StageProgress delta(ResponseAccepted r, Judgement j, JudgeRun run) {
        Map<String, Long> dropped = j.kept() ? Map.of() : Map.of(j.dropReason(), 1L);
        return run.usage().costInto(new StageProgress(r.runId(), Stage.JUDGE, 1, j.kept() ? 1 : 0, dropped,
                run.usage().calls(), run.usage().promptTokens(), run.usage().completionTokens(), false));
    }

    private void count(Judgement j, JudgeRun run) {
        meters.counter("autoif.judge.judgements", "outcome", j.kept() ? "kept" : j.dropReason()).increment();
        if (run.retried() > 0) {
            meters.counter("autoif.judge.retried.samples").increment(run.retried());
        }
    }
}
