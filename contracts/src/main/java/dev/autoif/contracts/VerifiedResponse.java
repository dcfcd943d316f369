package dev.autoif.contracts;

import java.util.List;

/**
 * A response with its verdict per function (in the order of the sample's functions) and its pass rate.
 */
public record VerifiedResponse(int index, String text, double passRate, List<Verdict> verdicts) {
}
