package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPairsTest {

    private static VerifiedSample s(int attempt, int index, String text, double passRate) {
        return new VerifiedSample("i", "q", "s", attempt, index, "the prompt", text, passRate);
    }

    private static List<String> chosenRejected(List<Lines.Preference> pairs) {
        return pairs.stream().map(p -> p.chosen() + ">" + p.rejected()).toList();
    }

    @Test
    void chosenPassMoreThanHalfRejectedPassNothingBestChosenFirst() {
        List<VerifiedSample> group = List.of(s(0, 0, "ok", 0.6), s(0, 1, "half", 0.5), s(0, 2, "zero", 0.0),
                s(0, 3, "best", 1.0), s(0, 4, "low", 0.25));
        assertThat(chosenRejected(QueryPairs.of(group, null, 4))).containsExactly("best>zero", "ok>zero");
    }

    @Test
    void anInclusiveBoundReplacesThePapersStrictHalf() {
        List<VerifiedSample> group = List.of(s(0, 0, "half", 0.5), s(0, 1, "zero", 0.0));
        assertThat(QueryPairs.of(group, null, 4)).isEmpty();
        assertThat(chosenRejected(QueryPairs.of(group, 0.5, 4))).containsExactly("half>zero");
    }

    @Test
    void identicalTextsCountOnceAcrossAttempts() {
        List<VerifiedSample> group = List.of(s(0, 0, "good", 1.0), s(1, 0, "good", 1.0), s(0, 1, "bad", 0.0),
                s(1, 1, "bad", 0.0));
        assertThat(chosenRejected(QueryPairs.of(group, null, 10))).containsExactly("good>bad");
    }

    @Test
    void thePromptComesFromTheGroup() {
        assertThat(QueryPairs.of(List.of(s(0, 0, "a", 1.0), s(0, 1, "b", 0.0)), null, 1))
                .containsExactly(new Lines.Preference("the prompt", "a", "b"));
    }
}
