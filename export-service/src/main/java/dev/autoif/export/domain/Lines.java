package dev.autoif.export.domain;

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
    }

    /** ShareGPT as LLaMA-Factory and FastChat read it. */
    public record ShareGpt(List<Turn> conversations) {
    }

    public record Turn(String from, String value) {
    }

    /** TRL's standard (non-conversational) preference format. */
    public record Preference(String prompt, String chosen, String rejected) {
    }
}
