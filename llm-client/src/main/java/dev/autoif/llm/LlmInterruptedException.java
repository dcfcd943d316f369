package dev.autoif.llm;

/** The calling thread was interrupted while waiting for a permit, a backoff or the endpoint. */
public class LlmInterruptedException extends LlmException {

    public LlmInterruptedException(InterruptedException cause) {
        super("interrupted while calling the LLM", cause);
        Thread.currentThread().interrupt();
    }
}
