package dev.autoif.instruction.messaging;

import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.instruction.pipeline.BudgetWatch;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.platform.progress.ProgressIntake;
import dev.autoif.platform.progress.ProgressLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every stage's progress deltas into the ledger the run status is folded from (platform {@link ProgressIntake}
 * through the consumer step: each delta once; unreadable records go to runs.progress.dlq). Deltas are sums, so any
 * order adds up to the same totals: 8 run at once and their commits are grouped into shared transactions. A delta that
 * spent money has its run checked against its budget once it is committed ({@link BudgetWatch}).
 */
@ApplicationScoped
public class ProgressConsumer {

    private final ConsumerStep step;
    private final ProgressIntake intake;
    private final BudgetWatch budgets;

    public ProgressConsumer(ConsumerStep step, ProgressLedger ledger, BudgetWatch budgets) {
        this.step = step;
        this.budgets = budgets;
        this.intake = new ProgressIntake("instruction-progress", ledger);
    }

    @Incoming(Topics.RUNS_PROGRESS)
    @Blocking(value = "progress", ordered = false)
    public void consume(String json) {
        StageProgress delta = step.handle(intake, json);
        // handle() returned: the delta is committed (or was a duplicate), readable, and its spend in the totals
        if (delta.costMicroUsd() > 0) {
            budgets.spent(delta.runId());
        }
    }
}
