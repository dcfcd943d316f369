package dev.autoif.instruction.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /runs/{id}/rounds}: one online DPO round (paper 3.4). Absent fields take the paper's defaults. */
@Schema(description = "An online DPO round: K responses per kept SFT prompt from the policy, verified, paired")
public record RoundRequest(
        @Schema(required = true) @NotNull(message = "a policy endpoint is required") @Valid PolicyRequest policy,
        @Schema(description = "Responses per prompt (default 8)") @Min(1) @Max(128) Integer k,
        @Schema(description = "Sampling temperature (default 0.8)") @DecimalMin("0") @DecimalMax("2")
        Double temperature,
        @Schema(description = "Sample this many of the run's kept SFT prompts (seeded); default: all of them")
        @Min(1) @Max(1_000_000) Integer prompts,
        @Schema(description = "User turn the policy gets: natural (default, as the SFT export) or template (the "
                + "tagged generation prompt)") @Pattern(regexp = "natural|template") String promptForm,
        @Schema(description = "Sampling seed of the round (default: the run's seed)") Long seed) {

    public static final int DEFAULT_K = 8;
    public static final double DEFAULT_TEMPERATURE = 0.8;
    public static final String DEFAULT_PROMPT_FORM = "natural";
}
