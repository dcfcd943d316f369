package dev.autoif.instruction.domain.cost;

import dev.autoif.contracts.Stage;

/**
 * What one stage is expected to take in, emit and spend.
 *
 * @param microUsd expected spend in millionths of a dollar; null when the stage's model has no price
 */
public record StageEstimate(Stage stage, String model, long itemsIn, long itemsOut, long llmCalls,
        long promptTokens, long completionTokens, Long microUsd, String basis) {
}
