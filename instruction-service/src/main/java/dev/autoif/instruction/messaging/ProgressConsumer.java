package dev.autoif.instruction.messaging;

import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.progress.ProgressIntake;
import dev.autoif.platform.progress.ProgressLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every stage's progress deltas into the ledger the run status is folded from (platform {@link ProgressIntake}
 * through the consumer step: each delta once; unreadable records go to runs.progress.dlq).
 */
@ApplicationScoped
public class ProgressConsumer {

    private final ConsumerStep step;
    private final ProgressIntake intake;

    public ProgressConsumer(ConsumerStep step, ProgressLedger ledger) {
        this.step = step;
        this.intake = new ProgressIntake("instruction-progress", ledger);
    }

    @Incoming(Topics.RUNS_PROGRESS)
    @Blocking
    public void consume(String json) {
        step.handle(intake, json);
    }
}
