package dev.autoif.instruction.api;

import dev.autoif.contracts.Stage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a dry run: what the run would take in, emit and spend per stage, and in all. Nothing was stored or
 * started.
 *
 * @param usd the expected spend; null when a stage's model has no price (listed in {@code unknownPriceStages})
 */
@Schema(description = "Expected calls, tokens and dollars of a run, per stage (a dry run: nothing started)")
public record RunEstimate(boolean dryRun, String name, int seeds, String corpusId, long llmCalls, long promptTokens, long completionTokens, Double usd, List<Stage> unknownPriceStages,
        List<StageEstimateView> funnel) {

    /**
     * One stage's expectation.
     *
     * @param basis where its figures come from: {@code paper} (the published funnel) or {@code history (N runs)}
     * @param usd null when the stage's model has no price
     */
    public record StageEstimateView(Stage stage, String model, long itemsIn, long itemsOut, long llmCalls,
            long promptTokens, long completionTokens, Double usd, String basis) {
    }
}
