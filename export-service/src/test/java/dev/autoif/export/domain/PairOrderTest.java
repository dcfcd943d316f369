package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairOrderTest {

    private static List<String> pairs(int chosen, int rejected, int limit) {
        return PairOrder.squareFirst(chosen, rejected, limit).stream().map(p -> p[0] + "," + p[1]).toList();
    }

    @Test
    void aLimitOfFourIsTheOriginalCodesTwoByTwo() {
        assertThat(pairs(5, 5, 4)).containsExactly("0,0", "0,1", "1,0", "1,1");
    }

    @Test
    void nineIsThreeByThreeAndEveryPairIsDistinct() {
        List<String> p = pairs(5, 5, 9);
        assertThat(p).hasSize(9).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s).matches("[0-2],[0-2]"));
    }

    @Test
    void unevenSidesUseWhatExists() {
        assertThat(pairs(1, 3, 4)).containsExactly("0,0", "0,1", "0,2");
        assertThat(pairs(3, 1, 4)).containsExactly("0,0", "1,0", "2,0");
        assertThat(pairs(2, 4, 100)).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void noPairsWithoutBothSides() {
        assertThat(pairs(0, 3, 4)).isEmpty();
        assertThat(pairs(3, 0, 4)).isEmpty();
        assertThat(pairs(3, 3, 0)).isEmpty();
    }
}
