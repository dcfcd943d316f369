package dev.autoif.export.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RoundPrompt;
import dev.autoif.contracts.RoundRequested;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.export.domain.RoundPrompts;
import dev.autoif.export.persistence.ExportReader;
import dev.autoif.export.persistence.RoundStore;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * An online DPO round starts here, because export holds the run's kept SFT prompts: one {@code rounds.prompts}
 * record per prompt (query-service samples the policy on it), and the round's row, committed together.
 */
@ApplicationScoped
public class RoundsConsumer implements StepWork<RoundRequested> {

    static final String CONSUMER = "export-rounds";

    private final ConsumerStep step;
    private final ExportReader reader;

    public RoundsConsumer(ConsumerStep step, ExportReader reader) {
        this.step = step;
        this.reader = reader;
    }

    @Incoming(Topics.ROUNDS)
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
        return MessageType.RoundRequested;
    }

    @Override
    public RoundRequested validate(Envelope<RoundRequested> in) {
        RoundRequested r = in.payload();
        if (r.runId() == null || r.round() < 1 || r.policy() == null || r.policy().baseUrl() == null
                || r.policy().model() == null || r.k() < 1 || r.promptForm() == null
                || !List.of("natural", "template").contains(r.promptForm())) {
            throw new InvalidMessageException("round request without run, round >= 1, policy, k >= 1 or a known"
                    + " prompt form");
        }
        return r;
    }

    @Override
    public String runId(RoundRequested r) {
        return r.runId();
    }

    @Override
    public boolean alreadyApplied(RoundRequested r) {
        return RoundStore.exists(r.runId(), r.round());
    }

    @Override
    public StepOutcome process(Envelope<RoundRequested> in, RunSpec spec) {
        RoundRequested r = in.payload();
        List<RoundPrompt> prompts = RoundPrompts.of(reader.judged(r.runId()), r);
        StepOutcome out = StepOutcome.none().write(() -> RoundStore.create(r, prompts.size()));
        for (RoundPrompt p : prompts) {
            out.send(Topics.ROUNDS_PROMPTS, p.instructionId(), "round-prompt:" + p.runId() + ":" + p.sampleId(),
                    p.runId(), MessageType.RoundPrompt, p);
        }
        return out;
    }
}
