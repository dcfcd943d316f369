package dev.autoif.export.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The JSON shape of one exported line per format. */
public final class Lines {

    private Lines() {
    }

    /** LLaMA-Factory's Alpaca format. */
    public record Alpaca(String instruction, String input, String output) {
    }

    /** OpenAI chat fine-tuning and TRL's conversational SFT format. */
    public record Messages(List<Message> messages) {
    }

    public record Message(String role, String content) {

        public static List<Message> user(String content) {
            return List.of(new Message("user", content));
        }

        public static List<Message> assistant(String content) {
            return List.of(new Message("assistant", content));
        }
    }

    /** ShareGPT as LLaMA-Factory and FastChat read it. */
    public record ShareGpt(List<Turn> conversations) {
    }

    public record Turn(String from, String value) {
    }

    /** TRL's standard (non-conversational) preference format. */
    public record Preference(String prompt, String chosen, String rejected) {
    }

    /** TRL's conversational preference format: the prompt a user turn, chosen and rejected assistant turns. */
    public record ConversationalPreference(List<Message> prompt, List<Message> chosen, List<Message> rejected) {
    }

    /** LLaMA-Factory's pairwise (ranking) Alpaca format. */
    public record Pairwise(String instruction, String input, String chosen, String rejected) {
    }

    /** open-instruct's RLVR prompt layout: the chat so far, the label the reward resolves, the reward's name. */
    public record Rlvr(List<Message> messages, @JsonProperty("ground_truth") String groundTruth, String dataset) {
    }

    /**
     * Columns trainers ignore, for filtering and analysis: where a sample came from and how it scored. Per-function
     * verdicts are not among them: judged rows do not store them.
     */
    @JsonPropertyOrder({"autoif_run_id", "autoif_instruction_id", "autoif_instruction", "autoif_query_id",
            "autoif_pass_rate", "autoif_judge_score"})
    public record Metadata(@JsonProperty("autoif_run_id") String runId,
            @JsonProperty("autoif_instruction_id") String instructionId,
            @JsonProperty("autoif_instruction") String instruction,
            @JsonProperty("autoif_query_id") String queryId,
            @JsonProperty("autoif_pass_rate") double passRate,
            @JsonProperty("autoif_judge_score") Double judgeScore) {
    }

    /** A line with metadata columns beside its format's own. */
    public record WithMetadata(@JsonUnwrapped Object line, @JsonUnwrapped Metadata metadata) {
    }
}
