package dev.autoif.instruction.api;

import dev.autoif.contracts.Stage;
import java.util.Map;

/** One stage of a run's funnel, summed over every progress delta the stage published. */
public record StageView(Stage stage, long itemsIn, long itemsOut, Map<String, Long> dropped, long llmCalls,
        long promptTokens, long completionTokens, boolean done, CostView cost) {
}
