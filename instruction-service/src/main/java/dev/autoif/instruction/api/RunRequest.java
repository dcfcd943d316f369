package dev.autoif.instruction.api;

import dev.autoif.contracts.RunSpecValidator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client submits, apart from the Kafka contract: every field may be left out but the name, and the service
 * fills each default once, so the {@code RunSpec} on the topic carries every value explicitly. Unknown fields are a
 * 400 (platform {@code StrictBodyReader}).
 */
@Schema(description = "A run to start. Omitted parameters take the paper's defaults; unknown fields are refused.")
public record RunRequest(
        @Schema(description = "A human name", required = true, examples = "first run")
        @NotBlank @Size(max = RunSpecValidator.MAX_NAME_LENGTH) String name,
        @Schema(description = "Seed instructions; omit for the project's default set (not an empty list)")
        @Size(min = 1, max = RunSpecValidator.MAX_SEEDS,
                message = "must hold 1 to 10000 seeds; leave it out for the default seeds")
        List<@NotBlank @Size(max = RunSpecValidator.MAX_SEED_LENGTH) String> seedInstructions,
        @Schema(description = "Run parameters; any field left out takes its default") @Valid
        RunParametersRequest parameters,
        @Schema(description = "Query corpus the query service samples from; it must exist there",
                defaultValue = "sample")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}",
                message = "letters, digits, '.', '_' and '-' only, 1 to 100 characters") String corpusId,
        @Schema(description = "Budget in US dollars: the run pauses (status budget-exhausted) when its LLM spend "
                + "reaches it; PATCH /runs/{id} with a higher one resumes it. Omit for no budget.")
        @DecimalMin(value = "0", inclusive = false, message = "must be above 0 dollars")
        @DecimalMax(value = "1e9", message = "must be at most 1e9 dollars") Double maxCostUsd,
        @Schema(description = "true: answer the expected calls, tokens and dollars per stage (200) without "
                + "starting or storing anything") Boolean dryRun) {

    /** A request without budget or dry run. */
    public RunRequest(String name, List<String> seedInstructions, RunParametersRequest parameters, String corpusId) {
        this(name, seedInstructions, parameters, corpusId, null, null);
    }
}
