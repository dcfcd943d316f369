package dev.autoif.llm;

/** Base of every error the LLM client reports. Messages never contain the API key. */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
