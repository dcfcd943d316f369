package dev.autoif.llm;

/** The client cannot call the endpoint as configured (for example OPENAI_API_KEY is not set). Not retried. */
public class LlmConfigurationException extends LlmException {

    public LlmConfigurationException(String message) {
        super(message);
    }
}
