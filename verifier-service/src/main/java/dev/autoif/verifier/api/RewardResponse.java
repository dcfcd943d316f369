package dev.autoif.verifier.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * OpenRLHF's remote reward model answer, one entry per sample in request order. {@code extra_logs} holds numbers
 * only, one per sample, because OpenRLHF turns each of its lists into a tensor; why a sample could not be scored is
 * in {@code errors} (and flagged in {@code extra_logs.unscored}).
 */
@Schema(description = "Rewards in request order; rewards = scores = the pass rate over the instruction's kept "
        + "functions (0..1).")
public record RewardResponse(
        @Schema(description = "Pass rate per sample, 0 when it could not be scored.") List<Double> rewards,
        @Schema(description = "The same as rewards.") List<Double> scores,
        @Schema(description = "Per sample: verdict_pass, verdict_fail, verdict_error, verdict_timeout, "
                + "verdict_forbidden, verdict_resource_exhausted, verdict_invalid (counts), functions (how many "
                + "scored it), unscored (1 when the sample got no score).")
        @JsonProperty("extra_logs") Map<String, List<Double>> extraLogs,
        @Schema(description = "Per sample: why it could not be scored (unknown label, no response found), or null.")
        List<String> errors) {
}
