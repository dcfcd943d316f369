package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.Existing;
import dev.autoif.export.persistence.JudgedResponseRow;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every judgement, kept or dropped, and reports the EXPORT stage: one in per judgement, one out per kept one,
 * so the run counts as done only once export caught up with the judge. A redelivery (same message id) or the same
 * judgement under another message id (same run and response id) changes nothing and reports nothing. No run spec
 * is needed: export stores what the judge decided.
 */
@ApplicationScoped
public class JudgedConsumer implements StepWork<ResponseJudged> {

    static final String CONSUMER = "export-judged";

    private final ConsumerStep step;

    public JudgedConsumer(ConsumerStep step) {
        this.step = step;
    }

    @Incoming(Topics.RESPONSES_JUDGED)
    @Blocking(value = "export", ordered = false)
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public MessageType input() {
        return MessageType.ResponseJudged;
    }

    @Override
    public ResponseJudged validate(Envelope<ResponseJudged> in) {
        return RecordChecks.judged(in);
    }

    @Override
    public String runId(ResponseJudged j) {
        return j.runId();
    }

    @Override
    public boolean needsRunSpec() {
        return false;
    }

    /** Only stores what the record says: no separate look for a redelivery, commits grouped. */
    @Override
    public boolean storesOnly() {
        return true;
    }

    @Override
    public boolean alreadyApplied(ResponseJudged j) {
        return Existing.any(JudgedResponseRow.class, "runId = ?1 and responseId = ?2", j.runId(), j.responseId());
    }

    @Override
    public StepOutcome process(Envelope<ResponseJudged> in, RunSpec spec) {
        ResponseJudged j = in.payload();
        Map<String, Long> dropped = j.kept() ? Map.of()
                : Map.of(j.status() == JudgeStatus.UNSCORED ? "unscored" : "below-judge-threshold", 1L);
        return StepOutcome.none()
                .write(() -> JudgedResponseRow.of(j).persist())
                .progress("export:" + in.messageId(),
                        Progress.delta(j.runId(), Stage.EXPORT, 1, j.kept() ? 1 : 0, dropped));
    }
}
