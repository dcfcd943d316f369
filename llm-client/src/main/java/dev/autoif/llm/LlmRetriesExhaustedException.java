package dev.autoif.llm;

/** Every attempt failed with a retryable error (429, 5xx, reset, timeout) and the retry budget is spent. */
public class LlmRetriesExhaustedException extends LlmException {

    private final int attempts;
    private final int lastStatus;

    /** @param lastStatus HTTP status of the last attempt, or -1 when it got no HTTP answer (reset, timeout) */
    public LlmRetriesExhaustedException(int attempts, int lastStatus, String message, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    public int attempts() {
        return attempts;
    }

    public int lastStatus() {
        return lastStatus;
    }
}
