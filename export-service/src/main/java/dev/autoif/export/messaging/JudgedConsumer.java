package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Topics;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.JudgedResponseRow;
import dev.autoif.platform.messaging.Idempotency;
import dev.autoif.platform.messaging.Progress;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every judgement, kept or dropped, and reports the EXPORT stage: one in per judgement, one out per kept one,
 * so the run counts as done only once export caught up with the judge. A redelivery (same message id) or the same
 * judgement under another message id (same run and response id) changes nothing and reports nothing.
 */
@ApplicationScoped
public class JudgedConsumer {

    static final String CONSUMER = "export-judged";

    private final Idempotency idempotency;
    private final ExportProgress progress;

    public JudgedConsumer(Idempotency idempotency, ExportProgress progress) {
        this.idempotency = idempotency;
        this.progress = progress;
    }

    @Incoming(Topics.RESPONSES_JUDGED)
    @Blocking
    @Transactional
    public void consume(String json) {
        Envelope<ResponseJudged> envelope = EnvelopeCodec.decode(json, MessageType.ResponseJudged);
        ResponseJudged j = RecordChecks.judged(envelope);
        if (!idempotency.firstDelivery(CONSUMER, envelope.messageId())
                || JudgedResponseRow.count("runId = ?1 and responseId = ?2", j.runId(), j.responseId()) > 0) {
            return;
        }
        JudgedResponseRow row = new JudgedResponseRow();
        row.runId = j.runId();
        row.responseId = j.responseId();
        row.sampleId = j.sampleId();
        row.instructionId = j.instructionId();
        row.queryId = j.queryId();
        row.instruction = j.instruction();
        row.query = j.query();
        row.prompt = j.prompt();
        row.response = j.response();
        row.passRate = j.passRate();
        row.score = j.score();
        row.analysis = j.analysis();
        row.status = j.status().name();
        row.kept = j.kept();
        row.persist();
        Map<String, Long> dropped = j.kept() ? Map.of()
                : Map.of(j.status() == JudgeStatus.UNSCORED ? "unscored" : "below-judge-threshold", 1L);
        progress.publish("export:" + envelope.messageId(),
                Progress.delta(j.runId(), Stage.EXPORT, 1, j.kept() ? 1 : 0, dropped));
    }
}
