package dev.autoif.llm;

/** Base of every error the LLM client reports. Messages never contain the API key. */
public class LlmException extends RuntimeException {

    private volatile LlmUsage usage = LlmUsage.ZERO;

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the failed call cost (requests made, tokens billed) before it gave up; zero when unknown. */
    public LlmUsage usage() {
        return usage;
    }

    /** Attaches what the call cost, so a caller can bill the attempts of a call that obtained nothing. */
    public LlmException withUsage(LlmUsage spent) {
        this.usage = spent;
        return this;
    }
}
