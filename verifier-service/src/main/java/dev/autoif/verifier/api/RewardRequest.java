package dev.autoif.verifier.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenRLHF's remote reward model request ({@code --remote_rm_url}), exactly its three lists, index-aligned. */
@Schema(description = "OpenRLHF remote reward model request: sample i is query[i], prompts[i], labels[i].")
public record RewardRequest(
        @Schema(description = "Prompt + response as the trainer decoded them (chat template and special tokens may "
                + "remain).", required = true)
        @NotNull @Size(max = RewardRequest.MAX_SAMPLES) List<@NotNull String> query,
        @Schema(description = "The prompt alone; the response is what follows it in query. Optional: without it "
                + "the response follows the last assistant marker of a known chat template.")
        @Size(max = RewardRequest.MAX_SAMPLES) List<String> prompts,
        @Schema(description = "The dataset's label: our RLVR export's ground_truth, the instruction id "
                + "(ins-...) whose kept functions score the sample.", required = true)
        @NotNull @Size(max = RewardRequest.MAX_SAMPLES) List<String> labels) {

    public static final int MAX_SAMPLES = 16_384;
}
