package dev.autoif.verifier.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Many instructions per call: each item is what one {@code POST /verify} would carry. */
@Schema(description = "Items to score, each with its functions or a verified instruction id, and its responses.")
public record VerifyBatchRequest(@NotNull @Size(min = 1, max = 1024) List<@NotNull @Valid Item> items) {

    @Schema(description = "Exactly one of functions and instructionId.")
    public record Item(
            @Schema(description = "Verification functions (def evaluate(response): ...).")
            @Size(min = 1, max = 32) List<@NotBlank String> functions,
            @Schema(description = "A verified instruction whose kept functions score the responses.")
            String instructionId,
            @Schema(description = "Responses to score.", required = true)
            @NotNull @Size(min = 1, max = 1024) List<@NotNull String> responses) {
    }
}
