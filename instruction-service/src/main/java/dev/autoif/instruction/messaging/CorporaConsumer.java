package dev.autoif.instruction.messaging;

import dev.autoif.contracts.CorpusAnnounced;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.instruction.persistence.CorpusRegistry;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the corpora the query service announces (compacted corpora topic), so a run naming a corpus that does not
 * exist is refused at submission instead of failing later in query sampling.
 */
@ApplicationScoped
public class CorporaConsumer implements StepWork<CorpusAnnounced> {

    private final ConsumerStep step;
    private final CorpusRegistry corpora;

    public CorporaConsumer(ConsumerStep step, CorpusRegistry corpora) {
        this.step = step;
        this.corpora = corpora;
    }

    @Incoming(Topics.CORPORA)
    @Blocking
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return "instruction-corpora";
    }

    @Override
    public MessageType input() {
        return MessageType.CorpusAnnounced;
    }

    @Override
    public CorpusAnnounced validate(Envelope<CorpusAnnounced> in) {
        CorpusAnnounced c = in.payload();
        if (c.corpusId() == null || !c.corpusId().matches("[A-Za-z0-9._-]{1,100}")) {
            throw new InvalidMessageException("corpus id missing or malformed: " + c.corpusId());
        }
        return c;
    }

    @Override
    public String runId(CorpusAnnounced payload) {
        return payload.corpusId();
    }

    @Override
    public boolean needsRunSpec() {
        return false;
    }

    @Override
    public StepOutcome process(Envelope<CorpusAnnounced> in, RunSpec spec) {
        return StepOutcome.none().write(() -> corpora.remember(in.payload()));
    }
}
