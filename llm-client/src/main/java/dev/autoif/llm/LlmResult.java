package dev.autoif.llm;

import java.util.List;
import java.util.Objects;

/**
 * The {@code n} samples of one request, in index order, and what obtaining them cost (this call only).
 * A sample that could not be obtained carries its error; the others are still usable.
 *
 * @param cacheKeys per sample, in index order, its cache key (llm_completion.key_hash) at the client's endpoint:
 *                  what {@link LlmClient#cacheKey} gives, already computed for the call
 */
public record LlmResult(List<ChoiceResult> choices, LlmUsage usage, List<String> cacheKeys) {

    public LlmResult {
        choices = List.copyOf(choices);
        Objects.requireNonNull(usage, "usage");
        cacheKeys = List.copyOf(cacheKeys);
        if (cacheKeys.size() != choices.size()) {
            throw new IllegalArgumentException(cacheKeys.size() + " cache keys for " + choices.size() + " samples");
        }
    }

    /** Texts of the samples that were obtained, in index order. */
    public List<String> texts() {
        return choices.stream().filter(ChoiceResult::isOk).map(ChoiceResult::text).toList();
    }

    /** The first sample's text; throws its error if it could not be obtained. */
    public String first() {
        ChoiceResult c = choices.getFirst();
        if (!c.isOk()) {
            throw c.error();
        }
        return c.text();
    }

    public long failures() {
        return choices.stream().filter(c -> !c.isOk()).count();
    }

    /** All texts, or the first error when any sample is missing. */
    public List<String> allTextsOrThrow() {
        for (ChoiceResult c : choices) {
            if (!c.isOk()) {
                throw c.error();
            }
        }
        return texts();
    }
}
