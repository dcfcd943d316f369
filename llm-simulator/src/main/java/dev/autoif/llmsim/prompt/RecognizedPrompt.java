package dev.autoif.llmsim.prompt;

import java.util.Map;
import java.util.Optional;

/** A prompt's kind and the values read out of it (instruction, query, response, function, premise, ...). */
public record RecognizedPrompt(PromptKind kind, Map<String, String> fields) {

    public RecognizedPrompt {
        fields = Map.copyOf(fields);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public String fieldOrEmpty(String name) {
        return fields.getOrDefault(name, "");
    }
}
