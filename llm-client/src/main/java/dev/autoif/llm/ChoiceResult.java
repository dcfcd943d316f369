package dev.autoif.llm;

/**
 * Sample {@code index} of a request: either its text or the error that kept it from being obtained.
 *
 * @param fromCache true when the text came from the persistent cache (no request was made for it)
 */
public record ChoiceResult(int index, String text, LlmException error, boolean fromCache) {

    public static ChoiceResult ok(int index, String text, boolean fromCache) {
        return new ChoiceResult(index, text, null, fromCache);
    }

    public static ChoiceResult failed(int index, LlmException error) {
        return new ChoiceResult(index, null, error, false);
    }

    public boolean isOk() {
        return error == null;
    }
}
