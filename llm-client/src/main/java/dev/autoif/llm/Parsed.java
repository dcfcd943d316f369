package dev.autoif.llm;

/** The outcome of parsing sample {@code index}: a value, or the reason there is none. */
public sealed interface Parsed<T> {

    int index();

    record Value<T>(int index, T value) implements Parsed<T> {
    }

    /**
     * @param reason why there is no value (parse error or the missing completion's error), for logs and drop counts
     * @param parseFailure true when the LLM answered but its text did not parse; false when no answer was obtained
     * @param rawText the answer that did not parse, null when there was none
     */
    record Failure<T>(int index, String reason, boolean parseFailure, String rawText) implements Parsed<T> {
    }
}
