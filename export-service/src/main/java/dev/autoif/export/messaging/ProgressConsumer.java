package dev.autoif.export.messaging;

import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.progress.ProgressIntake;
import dev.autoif.platform.progress.ProgressLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every stage's progress deltas (export's own included) into the platform ledger and its running totals, which the
 * funnel is folded from. Deltas are sums, so any order adds up to the same totals: 8 run at once, and their commits
 * are grouped into shared transactions (one consumer's commits never run at the same time, so the one row per run and
 * stage is never contended; a run's deltas share a partition, so one replica takes them).
 */
@ApplicationScoped
public class ProgressConsumer {

    private final ConsumerStep step;
    private final ProgressIntake intake;

    public ProgressConsumer(ConsumerStep step, ProgressLedger ledger) {
        this.step = step;
        this.intake = new ProgressIntake("export-progress", ledger);
    }

    @Incoming(Topics.RUNS_PROGRESS)
    @Blocking(value = "progress", ordered = false)
    public void consume(String json) {
        step.handle(intake, json);
    }
}
