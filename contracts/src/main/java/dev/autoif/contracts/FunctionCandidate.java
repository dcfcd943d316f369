package dev.autoif.contracts;

/** A raw LLM-written {@code evaluate(response)} function, not yet executed. */
public record FunctionCandidate(String functionId, String code) {
}
