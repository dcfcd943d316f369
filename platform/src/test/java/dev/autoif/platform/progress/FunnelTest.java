package dev.autoif.platform.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static StageProgress d(Stage s, long in, long out, Map<String, Long> dropped, boolean complete) {
        return new StageProgress("r", s, in, out, dropped, 1, 10, 5, complete);
    }

    @Test
    void sumsDeltasAndDropsByReason() {
        Funnel f = Funnel.of(List.of(
                d(Stage.CROSS_VALIDATION, 1, 1, Map.of(), false),
                d(Stage.CROSS_VALIDATION, 1, 0, Map.of("too-few-cases", 1L), false),
                d(Stage.CROSS_VALIDATION, 1, 0, Map.of("too-few-cases", 1L), false)));
        StageTotals cv = f.stage(Stage.CROSS_VALIDATION);
        assertThat(cv.itemsIn()).isEqualTo(3);
        assertThat(cv.itemsOut()).isEqualTo(1);
        assertThat(cv.dropped()).containsEntry("too-few-cases", 2L);
        assertThat(f.llmCalls()).isEqualTo(3);
        assertThat(f.tokens()).isEqualTo(45);
    }

    @Test
    void aStageIsDoneWhenItsUpstreamIsDoneAndEverythingArrived() {
        List<StageProgress> partial = List.of(
                d(Stage.SELF_INSTRUCT, 0, 4, Map.of(), true),
                d(Stage.FUNCTION_GENERATION, 4, 4, Map.of(), false),
                d(Stage.CROSS_VALIDATION, 3, 3, Map.of(), false));
        Funnel f = Funnel.of(partial);
        assertThat(f.stage(Stage.FUNCTION_GENERATION).done()).isTrue();
        assertThat(f.stage(Stage.CROSS_VALIDATION).done()).isFalse();
        assertThat(f.done()).isFalse();
    }

    @Test
    void theRunIsDoneWhenEveryStageCaughtUp() {
        List<StageProgress> all = List.of(
                d(Stage.SELF_INSTRUCT, 0, 2, Map.of(), true),
                d(Stage.FUNCTION_GENERATION, 2, 2, Map.of(), false),
                d(Stage.CROSS_VALIDATION, 2, 1, Map.of("too-few-cases", 1L), false),
                d(Stage.BACK_TRANSLATION, 1, 1, Map.of(), false),
                d(Stage.QUERY_SAMPLING, 1, 2, Map.of(), false),
                d(Stage.RESPONSE_VERIFICATION, 2, 2, Map.of(), false),
                d(Stage.REJECTION, 2, 3, Map.of(), false),
                d(Stage.JUDGE, 3, 2, Map.of("below-judge-threshold", 1L), false),
                d(Stage.EXPORT, 3, 2, Map.of(), false));
        assertThat(Funnel.of(all).done()).isTrue();
        assertThat(Funnel.of(all.subList(0, 8)).done()).isFalse();
    }

    @Test
    void exportIsNotDoneUntilItTookInEveryJudgementKeptOrDropped() {
        List<StageProgress> all = new java.util.ArrayList<>(List.of(
                d(Stage.SELF_INSTRUCT, 0, 1, Map.of(), true),
                d(Stage.FUNCTION_GENERATION, 1, 1, Map.of(), false),
                d(Stage.CROSS_VALIDATION, 1, 1, Map.of(), false),
                d(Stage.BACK_TRANSLATION, 1, 1, Map.of(), false),
                d(Stage.QUERY_SAMPLING, 1, 1, Map.of(), false),
                d(Stage.RESPONSE_VERIFICATION, 1, 1, Map.of(), false),
                d(Stage.REJECTION, 1, 3, Map.of(), false),
                d(Stage.JUDGE, 3, 2, Map.of("below-judge-threshold", 1L), false),
                d(Stage.EXPORT, 2, 2, Map.of(), false)));
        // export has taken in as many as the judge kept, but the judge also published the one it dropped
        assertThat(Funnel.of(all).done()).isFalse();
        all.add(d(Stage.EXPORT, 1, 0, Map.of("below-judge-threshold", 1L), false));
        assertThat(Funnel.of(all).done()).isTrue();
    }

    @Test
    void countsItemsByMode() {
        Funnel f = Funnel.of(List.of(
                new StageProgress("r", Stage.BACK_TRANSLATION, 1, 1, Map.of(), 0, 0, 0, false, Map.of("onnx", 1L)),
                new StageProgress("r", Stage.BACK_TRANSLATION, 1, 0, Map.of("nli-contradiction", 1L), 0, 0, 0, false,
                        Map.of("onnx", 1L)),
                d(Stage.BACK_TRANSLATION, 1, 1, Map.of(), false)));
        assertThat(f.stage(Stage.BACK_TRANSLATION).modes()).containsExactlyEntriesOf(Map.of("onnx", 2L));
    }
}
