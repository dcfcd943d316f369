package dev.autoif.contracts;

/**
 * A function that survived cross-validation.
 *
 * @param accuracy share of the kept cases it judges as expected
 * @param constant true when it returned the same verdict for every case (suspicious, kept for inspection)
 */
public record ScoredFunction(String functionId, String code, double accuracy, boolean constant) {
}
