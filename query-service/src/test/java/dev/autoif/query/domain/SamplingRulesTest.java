package dev.autoif.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Threshold;
import dev.autoif.contracts.VerifiedResponse;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplingRulesTest {

    @Test
    void theSameSeedPicksTheSameQueriesAndOtherSeedsPickOthers() {
        long seed = Seeds.derive(42, "run-1", "instr-7");

        List<Long> a = QueryPicker.pick(seed, 1000, 16);
        List<Long> b = QueryPicker.pick(seed, 1000, 16);
        List<Long> c = QueryPicker.pick(Seeds.derive(42, "run-1", "instr-8"), 1000, 16);

        assertThat(a).isEqualTo(b).hasSize(16).isSorted().doesNotHaveDuplicates()
                .allSatisfy(o -> assertThat(o).isBetween(0L, 999L));
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void aSmallCorpusGivesAllItsQueries() {
        assertThat(QueryPicker.pick(1, 3, 16)).containsExactly(0L, 1L, 2L);
        assertThat(QueryPicker.pick(1, 0, 16)).isEmpty();
        assertThat(QueryPicker.pick(1, 10, 10)).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void picksCoverTheCorpus() {
        HashSet<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.addAll(QueryPicker.pick(Seeds.derive(7, "i" + i), 50, 5));
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void derivedSeedsDependOnEveryPart() {
        assertThat(Seeds.derive(1, "ab", "c")).isNotEqualTo(Seeds.derive(1, "a", "bc"));
        assertThat(Seeds.derive(1, "x")).isNotEqualTo(Seeds.derive(2, "x")).isEqualTo(Seeds.derive(1, "x"));
        assertThat(Seeds.llmSeed(Long.MIN_VALUE)).isNotNegative().isLessThan(Integer.MAX_VALUE - 1000);
    }

    @Test
    void samplingSeedsFollowTheRunSeedAndTheTextsSoAResubmittedSpecSamplesTheSame() {
        String instruction = "Answer in lowercase letters only.";
        assertThat(Seeds.queryPick(42, instruction)).isEqualTo(Seeds.queryPick(42, instruction))
                .isNotEqualTo(Seeds.queryPick(43, instruction))
                .isNotEqualTo(Seeds.queryPick(42, "Answer in uppercase letters only."));
        assertThat(Seeds.responses(42, instruction, "What is rain?", 0))
                .isEqualTo(Seeds.responses(42, instruction, "What is rain?", 0))
                .isNotEqualTo(Seeds.responses(42, instruction, "What is rain?", 1))
                .isNotEqualTo(Seeds.responses(42, instruction, "What is snow?", 0))
                .isNotEqualTo(Seeds.responses(7, instruction, "What is rain?", 0))
                .isNotNegative();
    }

    private static VerifiedResponse r(int i, double passRate) {
        return new VerifiedResponse(i, "text " + i, passRate, List.of());
    }

    @Test
    void rejectionForwardsWhatMeetsTheThreshold() {
        Rejection rej = Rejection.of(List.of(r(0, 1.0), r(1, 0.5), r(2, 0.0), r(3, 0.75), r(4, 0.25)),
                Threshold.above(0.5));

        assertThat(rej.accepted()).extracting(VerifiedResponse::index).containsExactly(0, 3);
        assertThat(rej.below()).isEqualTo(3);
        assertThat(rej.mayResample(0)).isFalse();
    }

    @Test
    void anInclusiveThresholdAcceptsTheBoundary() {
        assertThat(Rejection.of(List.of(r(0, 0.5)), Threshold.atLeast(0.5)).accepted()).hasSize(1);
        assertThat(Rejection.of(List.of(r(0, 0.5)), Threshold.above(0.5)).accepted()).isEmpty();
    }

    @Test
    void onlyAFirstAttemptWithNothingPassingMayBeResampled() {
        Rejection none = Rejection.of(List.of(r(0, 0.0), r(1, 0.5)), Threshold.above(0.5));

        assertThat(none.nonePassed()).isTrue();
        assertThat(none.mayResample(0)).isTrue();
        assertThat(none.mayResample(1)).isFalse();
        assertThat(Rejection.of(List.of(), Threshold.above(0.5)).mayResample(0)).isTrue();
    }

    @Test
    void idsAreDeterministicAndDistinct() {
        assertThat(SampleIds.sampleId("i1", "sample:3", 0)).isEqualTo(SampleIds.sampleId("i1", "sample:3", 0))
                .isNotEqualTo(SampleIds.sampleId("i1", "sample:3", 1));
        assertThat(SampleIds.responseId("s", 0)).isNotEqualTo(SampleIds.responseId("s", 1));
    }
}
