package dev.autoif.instruction.domain;

import dev.autoif.contracts.TestCase;
import java.util.List;

/**
 * One parsed verification-function answer.
 *
 * @param code Python source defining {@code evaluate(response)}
 * @param cases the well-formed test cases of the answer
 * @param casesSkipped cases that were present but malformed (no input, no boolean output)
 */
public record FunctionAnswer(String code, List<TestCase> cases, int casesSkipped) {
}
