package dev.autoif.contracts;

/** A test case with its accuracy across the instruction's compiled functions. */
public record ScoredCase(String input, boolean expected, double accuracy) {
}
