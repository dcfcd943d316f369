package dev.autoif.platform.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-validation's functions are counted apart from its instructions. */
class UnitTalliesTest {

    @Test
    void functionDropsAndCountsLeaveTheInstructionStageForTheirOwnTally() {
        Funnel f = Funnel.of(List.of(
                new StageProgress("r", Stage.CROSS_VALIDATION, 1, 1, Map.of("function-accuracy", 2L), 0, 0, 0, false,
                        Map.of("functions-in", 5L, "functions-out", 3L)).withCost(1_500, 200, 1),
                new StageProgress("r", Stage.CROSS_VALIDATION, 1, 0, Map.of("too-few-functions", 1L,
                        "function-syntax-error", 4L), 0, 0, 0, false, Map.of("functions-in", 4L,
                        "functions-out", 0L)),
                new StageProgress("r", Stage.REJECTION, 2, 1, Map.of("below-pass-rate", 1L), 0, 0, 0, false,
                        Map.of("recovered-by-resample", 1L))));

        UnitTallies.Tally functions = UnitTallies.of(f).get(UnitTallies.FUNCTIONS);
        assertThat(functions).isEqualTo(new UnitTallies.Tally(9L, 3L, Map.of("function-accuracy", 2L,
                "function-syntax-error", 4L)));
        StageTotals cv = UnitTallies.ownUnit(f.stage(Stage.CROSS_VALIDATION));
        assertThat(cv.dropped()).isEqualTo(Map.of("too-few-functions", 1L));
        assertThat(cv.modes()).isEmpty();
        assertThat(cv.itemsIn()).isEqualTo(2);
        assertThat(cv.itemsOut()).isEqualTo(1);
        // the stage's dollars stay with it
        assertThat(cv.costMicroUsd()).isEqualTo(1_500);
        assertThat(cv.savedMicroUsd()).isEqualTo(200);
        assertThat(cv.unknownPriceCalls()).isEqualTo(1);
        // other stages are left as they are
        assertThat(UnitTallies.ownUnit(f.stage(Stage.REJECTION))).isEqualTo(f.stage(Stage.REJECTION));
    }

    @Test
    void deltasOfEarlierReleasesHaveFunctionDropsButNoCounts() {
        Funnel f = Funnel.of(List.of(new StageProgress("r", Stage.CROSS_VALIDATION, 1, 1,
                Map.of("function-duplicate", 1L), 0, 0, 0, false)));

        assertThat(UnitTallies.of(f).get(UnitTallies.FUNCTIONS))
                .isEqualTo(new UnitTallies.Tally(null, null, Map.of("function-duplicate", 1L)));
    }
}
