package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.export.domain.RecordChecks;
import dev.autoif.export.persistence.VerifiedResponseRow;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every verified response with its pass rate, passing or not: query-level preference pairs need the failures
 * too. A sample seen before (same run, sample id and attempt) is not stored again.
 */
@ApplicationScoped
public class VerifiedResponsesConsumer implements StepWork<ResponseVerified> {

    static final String CONSUMER = "export-responses-verified";

    private final ConsumerStep step;

    public VerifiedResponsesConsumer(ConsumerStep step) {
        this.step = step;
    }

    @Incoming(Topics.RESPONSES_VERIFIED)
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
        return MessageType.ResponseVerified;
    }

    @Override
    public ResponseVerified validate(Envelope<ResponseVerified> in) {
        return RecordChecks.verified(in);
    }

    @Override
    public String runId(ResponseVerified v) {
        return v.runId();
    }

    @Override
    public boolean needsRunSpec() {
        return false;
    }

    @Override
    public boolean alreadyApplied(ResponseVerified v) {
        return VerifiedResponseRow.count("runId = ?1 and sampleId = ?2 and attempt = ?3", v.runId(), v.sampleId(),
                v.attempt()) > 0;
    }

    @Override
    public StepOutcome process(Envelope<ResponseVerified> in, RunSpec spec) {
        ResponseVerified v = in.payload();
        return StepOutcome.none().write(() -> {
            for (VerifiedResponse r : v.responses()) {
                VerifiedResponseRow row = new VerifiedResponseRow();
                row.runId = v.runId();
                row.sampleId = v.sampleId();
                row.attempt = v.attempt();
                row.responseIndex = r.index();
                row.instructionId = v.instructionId();
                row.queryId = v.queryId();
                row.instruction = v.instruction();
                row.query = v.query();
                row.prompt = v.prompt();
                row.response = r.text();
                row.passRate = r.passRate();
                row.persist();
            }
        });
    }
}
