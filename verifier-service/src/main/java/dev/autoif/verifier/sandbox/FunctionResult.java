package dev.autoif.verifier.sandbox;

import dev.autoif.contracts.Verdict;
import java.util.List;

/**
 * One function's verdicts over a batch of inputs, in input order.
 *
 * @param rejection why the function never ran ({@code syntax-error}, {@code unsupported-import:nltk},
 *        {@code forbidden-attribute:__globals__}, ...), or null when it loaded
 */
public record FunctionResult(String rejection, List<Verdict> verdicts) {

    public boolean loaded() {
        return rejection == null;
    }
}
