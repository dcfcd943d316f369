package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void trainAndValidationPartitionThePromptsByTheSeededShare() {
        Split train = new Split(0.2, 7, Split.Part.TRAIN);
        Split validation = new Split(0.2, 7, Split.Part.VALIDATION);
        long held = IntStream.range(0, 10_000).filter(i -> {
            boolean t = train.holds("ins-" + (i % 100), "q" + i);
            boolean v = validation.holds("ins-" + (i % 100), "q" + i);
            assertThat(t).isNotEqualTo(v);
            return v;
        }).count();
        assertThat(held).isBetween(1_800L, 2_200L);
    }

    @Test
    void theSeedChangesWhichPromptsAreHeldOutAndTheSameSeedRepeats() {
        Split a = new Split(0.5, 1, Split.Part.VALIDATION);
        Split b = new Split(0.5, 2, Split.Part.VALIDATION);
        long differ = IntStream.range(0, 200).filter(i -> a.holds("i", "q" + i) != b.holds("i", "q" + i)).count();
        assertThat(differ).isPositive();
        assertThat(IntStream.range(0, 200).allMatch(i -> a.holds("i", "q" + i)
                == new Split(0.5, 1, Split.Part.VALIDATION).holds("i", "q" + i))).isTrue();
    }

    @Test
    void noShareMeansEverythingIsTrain() {
        assertThat(Split.none().holds("i", "q")).isTrue();
        assertThat(new Split(0, 1, Split.Part.VALIDATION).holds("i", "q")).isFalse();
        assertThatThrownBy(() -> new Split(1, 1, Split.Part.TRAIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
