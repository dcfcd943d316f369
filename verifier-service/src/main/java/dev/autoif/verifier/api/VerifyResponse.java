package dev.autoif.verifier.api;

import dev.autoif.contracts.Verdict;
import java.util.List;

/** One result per response, in order; one verdict per function, in order. */
public record VerifyResponse(List<Result> results) {

    public record Result(double passRate, List<Verdict> verdicts) {
    }
}
