package dev.autoif.platform.progress;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.platform.messaging.step.StepWork;

/**
 * The work of a service that shows progress: every delta on runs.progress added to its run's running totals in the
 * {@link ProgressLedger}, each message id once (the step's marker commits with the sums). A service's runs.progress
 * consumer is this work on its channel. Deltas need no run spec: they are counted as they come, whatever order.
 */
public final class ProgressIntake implements StepWork<StageProgress> {

    private final String name;
    private final ProgressLedger ledger;

    public ProgressIntake(String name, ProgressLedger ledger) {
        this.name = name;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MessageType input() {
        return MessageType.StageProgress;
    }

    @Override
    public StageProgress validate(Envelope<StageProgress> envelope) {
        StageProgress p = envelope.payload();
        if (p.runId() == null || p.runId().isBlank() || p.stage() == null) {
            throw new InvalidMessageException("progress delta without runId or stage");
        }
        if (p.itemsIn() < 0 || p.itemsOut() < 0 || p.llmCalls() < 0 || p.promptTokens() < 0
                || p.completionTokens() < 0 || p.costMicroUsd() < 0 || p.savedMicroUsd() < 0
                || p.unknownPriceCalls() < 0
                || p.dropped().values().stream().anyMatch(v -> v == null || v < 0)
                || p.modes().values().stream().anyMatch(v -> v == null || v < 0)) {
            throw new InvalidMessageException("progress delta with a negative or missing count");
        }
        return p;
    }

    @Override
    public String runId(StageProgress p) {
        return p.runId();
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
    public StepOutcome process(Envelope<StageProgress> in, RunSpec spec) {
        StageProgress delta = in.payload();
        return StepOutcome.none().write(() -> ledger.add(delta));
    }
}
