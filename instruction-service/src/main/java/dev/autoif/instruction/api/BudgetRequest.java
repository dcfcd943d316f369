package dev.autoif.instruction.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /runs/{id}}: a new budget; above the spend so far, it resumes a budget-exhausted run. */
@Schema(description = "A run's new budget")
public record BudgetRequest(
        @Schema(description = "Budget in US dollars", required = true)
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0 dollars")
        @DecimalMax(value = "1e9", message = "must be at most 1e9 dollars") Double maxCostUsd) {
}
