package dev.autoif.nli.domain.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void sortsByLengthAndCutsIntoBatches() {
        List<int[]> plan = BatchPlan.of(new int[] {9, 3, 7, 3, 12}, 2);

        assertThat(plan).hasSize(3);
        assertThat(plan.get(0)).containsExactly(1, 3);
        assertThat(plan.get(1)).containsExactly(2, 0);
        assertThat(plan.get(2)).containsExactly(4);
    }

    @Test
    void nothingToPlanForNoItems() {
        assertThat(BatchPlan.of(new int[0], 4)).isEmpty();
    }
}
