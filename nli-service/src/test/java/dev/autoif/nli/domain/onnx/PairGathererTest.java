package dev.autoif.nli.domain.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.contracts.NliLabel;
import dev.autoif.nli.domain.NliPair;
import dev.autoif.nli.domain.NliScores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PairGathererTest {

    /** Labels a pair by its hypothesis, so each caller can check it got its own answers back. */
    private static NliScores byHypothesis(NliPair p) {
        return NliScores.certain(p.hypothesis().startsWith("c") ? NliLabel.CONTRADICTION : NliLabel.ENTAILMENT);
    }

    @Test
    void pairsOfConcurrentInstructionsShareOneClassificationAndComeBackToTheirOwner() {
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        try (PairGatherer g = new PairGatherer(pairs -> {
            calls.add(pairs.size());
            return pairs.stream().map(PairGathererTest::byHypothesis).toList();
        }, 100, Duration.ofMillis(500))) {
            var a = CompletableFuture.supplyAsync(() -> g.classify(List.of(new NliPair("p", "c1"),
                    new NliPair("p", "e1"))));
            var b = CompletableFuture.supplyAsync(() -> g.classify(List.of(new NliPair("p", "e2"),
                    new NliPair("p", "e3"), new NliPair("p", "c2"))));

            assertThat(a.join()).extracting(NliScores::label)
                    .containsExactly(NliLabel.CONTRADICTION, NliLabel.ENTAILMENT);
            assertThat(b.join()).extracting(NliScores::label)
                    .containsExactly(NliLabel.ENTAILMENT, NliLabel.ENTAILMENT, NliLabel.CONTRADICTION);
            assertThat(calls).containsExactly(5);
        }
    }

    @Test
    void aFullBatchDoesNotWaitForTheWindow() {
        try (PairGatherer g = new PairGatherer(pairs -> pairs.stream().map(PairGathererTest::byHypothesis).toList(),
                2, Duration.ofMinutes(5))) {
            long t0 = System.nanoTime();
            assertThat(g.classify(List.of(new NliPair("p", "e"), new NliPair("p", "c")))).hasSize(2);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void aFailedInferenceFailsEveryCallerOfTheBatch() {
        try (PairGatherer g = new PairGatherer(pairs -> {
            throw new IllegalStateException("NLI inference failed: boom");
        }, 10, Duration.ofMillis(1))) {
            assertThatThrownBy(() -> g.classify(List.of(new NliPair("p", "h"))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
        }
    }
}
