package dev.autoif.contracts;

/** A test case written by the LLM with a verification function: an example response and the expected verdict. */
public record TestCase(String input, boolean expected) {
}
