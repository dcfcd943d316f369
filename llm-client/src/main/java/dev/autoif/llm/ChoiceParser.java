package dev.autoif.llm;

/**
 * Turns one LLM answer into a typed value. Throw (any exception, with a message saying what was wrong) when the
 * text does not parse; {@link LlmClient#complete(LlmRequest, ChoiceParser)} turns that into a counted failure.
 */
@FunctionalInterface
public interface ChoiceParser<T> {
    T parse(String text) throws Exception;
}
