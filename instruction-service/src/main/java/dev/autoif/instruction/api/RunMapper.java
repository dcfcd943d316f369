package dev.autoif.instruction.api;

import dev.autoif.instruction.domain.RunStatus;
import dev.autoif.instruction.persistence.InstructionEntity;
import dev.autoif.instruction.persistence.InstructionStats;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.platform.progress.Funnel;
import dev.autoif.platform.progress.StageTotals;
import dev.autoif.platform.progress.UnitTallies;
import java.util.Locale;

/** Stored runs and the funnel into the API's records; entities never leave the service. */
final class RunMapper {

    private RunMapper() {
    }

    static String status(StoredRun run, Funnel funnel) {
        RunStatus status = RunStatus.of(run.state(), funnel.done());
        if (status == RunStatus.RUNNING && run.spec().budgetExhausted()) {
            return BUDGET_EXHAUSTED;
        }
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** A running run paused because its spend reached maxCostUsd; a higher budget (PATCH) resumes it. */
    static final String BUDGET_EXHAUSTED = "budget-exhausted";

    static CostView cost(Funnel f) {
        return CostView.of(f.costMicroUsd(), f.savedMicroUsd(), f.unknownPriceCalls());
    }

    static RunView view(StoredRun run, Funnel funnel, InstructionStats s) {
        return new RunView(run.runId(), run.spec().name(), status(run, funnel), run.error(), run.createdAt(),
                run.updatedAt(), run.spec(),
                new GenerationView(s.instructions(), s.seeds(), s.augmented(), s.generated(), s.answersRequested(),
                        s.answersUnparsable(), s.functions(), s.cases()),
                // each stage counts its own unit; cross-validation's functions are a tally apart
                funnel.stages().stream().map(UnitTallies::ownUnit).map(RunMapper::stage).toList(),
                funnel.llmCalls(), funnel.tokens(), cost(funnel), UnitTallies.of(funnel));
    }

    static RunSummary summary(StoredRun run, Funnel funnel) {
        return new RunSummary(run.runId(), run.spec().name(), status(run, funnel), run.createdAt(), cost(funnel));
    }

    static InstructionView instruction(InstructionEntity e) {
        return new InstructionView(e.instructionId, e.text, e.origin, e.generated, e.answersRequested,
                e.answersUnparsable, e.functions, e.cases);
    }

    private static StageView stage(StageTotals t) {
        return new StageView(t.stage(), t.itemsIn(), t.itemsOut(), t.dropped(), t.llmCalls(), t.promptTokens(),
                t.completionTokens(), t.done(), CostView.of(t.costMicroUsd(), t.savedMicroUsd(),
                t.unknownPriceCalls()));
    }
}
