package dev.autoif.instruction.api;

import dev.autoif.contracts.RunParameters;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client submits. Everything but the name may be left out. */
@Schema(description = "A run to start. Omitted parameters take the paper's defaults.")
public record RunRequest(
        @Schema(description = "A human name", required = true, examples = "first run") String name,
        @Schema(description = "Seed instructions; omit for the project's default set (not an empty list)")
        List<String> seedInstructions,
        @Schema(description = "Run parameters; any field left out takes its default") RunParameters parameters,
        @Schema(description = "Query corpus the query service samples from", defaultValue = "sample")
        String corpusId) {
}
