package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPairsTest {

    private static VerifiedSample s(int attempt, int index, String text, double passRate) {
        return new VerifiedSample("i", "q", "s", attempt, index, null, null, "the prompt", text, passRate);
    }

    private static List<String> chosenRejected(List<Lines.Preference> pairs) {
        return pairs.stream().map(p -> p.chosen() + ">" + p.rejected()).toList();
    }

    @Test
    void chosenPassMoreThanHalfRejectedPassNothingBestChosenFirst() {
        List<VerifiedSample> group = List.of(s(0, 0, "ok", 0.6), s(0, 1, "half", 0.5), s(0, 2, "zero", 0.0),
                s(0, 3, "best", 1.0), s(0, 4, "low", 0.25));
        assertThat(chosenRejected(QueryPairs.of(group, null, 4, PromptForm.NATURAL))).containsExactly("best>zero", "ok>zero");
    }

    @Test
    void anInclusiveBoundReplacesThePapersStrictHalf() {
        List<VerifiedSample> group = List.of(s(0, 0, "half", 0.5), s(0, 1, "zero", 0.0));
        assertThat(QueryPairs.of(group, null, 4, PromptForm.NATURAL)).isEmpty();
        assertThat(chosenRejected(QueryPairs.of(group, 0.5, 4, PromptForm.NATURAL))).containsExactly("half>zero");
    }

    @Test
    void identicalTextsCountOnceAcrossAttempts() {
        List<VerifiedSample> group = List.of(s(0, 0, "good", 1.0), s(1, 0, "good", 1.0), s(0, 1, "bad", 0.0),
                s(1, 1, "bad", 0.0));
        assertThat(chosenRejected(QueryPairs.of(group, null, 10, PromptForm.NATURAL))).containsExactly("good>bad");
    }

    @Test
    void thePromptComesFromTheGroup() {
        assertThat(QueryPairs.of(List.of(s(0, 0, "a", 1.0), s(0, 1, "b", 0.0)), null, 1, PromptForm.NATURAL))
                .containsExactly(new Lines.Preference("the prompt", "a", "b"));
    }

    @Test
    void theNaturalFormIsBuiltFromTheStoredInstructionAndQuery() {
        List<VerifiedSample> group = List.of(
                new VerifiedSample("i", "q", "s", 0, 0, "use no commas", "List three fruits", "tpl", "a", 1.0),
                new VerifiedSample("i", "q", "s", 0, 1, "use no commas", "List three fruits", "tpl", "b", 0.0));
        assertThat(QueryPairs.of(group, null, 1, PromptForm.NATURAL)).containsExactly(
                new Lines.Preference("List three fruits. Use no commas", "a", "b"));
        assertThat(QueryPairs.of(group, null, 1, PromptForm.TEMPLATE)).containsExactly(
                new Lines.Preference("tpl", "a", "b"));
    }

    @Test
    void thePairRuleHasOneOwner() {
        assertThat(PairRule.chosen(0.51, null)).isTrue();
        assertThat(PairRule.chosen(0.5, null)).isFalse();
        assertThat(PairRule.chosen(0.5, 0.5)).isTrue();
        assertThat(PairRule.rejected(0.0)).isTrue();
        assertThat(PairRule.rejected(0.01)).isFalse();
    }
}
