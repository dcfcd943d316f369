package dev.autoif.llm;

/** The endpoint answered 2xx but the body is not a usable chat completion (not JSON, no choices, null content). */
public class LlmResponseException extends LlmException {

    public LlmResponseException(String message) {
        super(message);
    }
}
