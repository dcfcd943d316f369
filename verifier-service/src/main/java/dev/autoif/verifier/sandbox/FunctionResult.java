package dev.autoif.verifier.sandbox;

import dev.autoif.contracts.Verdict;
import java.util.List;

/**
 * One function's verdicts over a batch of inputs, in input order.
 *
 * @param rejection why the function never ran ({@code syntax-error}, {@code unsupported-import:nltk},
 *        {@code forbidden-attribute:__globals__}, ...), or null when it loaded
 * @param normalForm SHA-256 of the function's syntax tree without positions when it loaded (equal for sources that differ only in
 *        layout and comments), else null
 */
public record FunctionResult(String rejection, List<Verdict> verdicts, String normalForm) {

    public FunctionResult(String rejection, List<Verdict> verdicts) {
        this(rejection, verdicts, null);
    }

    public boolean loaded() {
        return rejection == null;
    }
}
