package dev.autoif.llm;

/** The endpoint refused the request with a status that retrying cannot fix (400, 401, 403, 404, ...). */
public class LlmRejectedException extends LlmException {

    private final int status;

    public LlmRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
