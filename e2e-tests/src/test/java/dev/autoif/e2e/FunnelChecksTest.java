package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.e2e.FunnelChecks.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IT's funnel checks pass a consistent funnel and name what is wrong in a broken one. */
class FunnelChecksTest {

    /** in, out, drops per stage of a small consistent run (4 seeds + 10 lines, 2 queries, 4 responses). */
    static JsonNode funnel(Map<Stage, long[]> override) {
        Map<Stage, long[]> v = new java.util.EnumMap<>(Map.of(
                Stage.SELF_INSTRUCT, new long[] {14, 12, 2},
                Stage.FUNCTION_GENERATION, new long[] {12, 11, 1},
                Stage.CROSS_VALIDATION, new long[] {11, 9, 2},
                Stage.BACK_TRANSLATION, new long[] {9, 8, 1},
                Stage.QUERY_SAMPLING, new long[] {8, 16, 0},
                Stage.RESPONSE_VERIFICATION, new long[] {16, 16, 0},
                Stage.REJECTION, new long[] {16, 40, 10},
                Stage.JUDGE, new long[] {40, 30, 10},
                Stage.EXPORT, new long[] {40, 30, 10}));
        v.putAll(override);
        ObjectNode root = Api.JSON.createObjectNode();
        ArrayNode stages = root.putArray("stages");
        v.forEach((s, n) -> {
            ObjectNode o = stages.addObject().put("stage", s.name()).put("itemsIn", n[0]).put("itemsOut", n[1])
                    .put("done", true);
            if (n[2] > 0) {
                o.putObject("dropped").put("some-reason", n[2]);
            }
        });
        return root;
    }

    @Test
    void aConsistentFunnelPasses() {
        var st = FunnelChecks.stages(funnel(Map.of()));
        assertThat(FunnelChecks.complete(st)).isEmpty();
        assertThat(FunnelChecks.accounted(st)).isEmpty();
        assertThat(FunnelChecks.monotonic(st, 30, 2, 4)).isEmpty();
    }

    @Test
    void anItemLostWithoutAReasonIsNamed() {
        var st = FunnelChecks.stages(funnel(Map.of(Stage.CROSS_VALIDATION, new long[] {11, 9, 1})));
        assertThat(FunnelChecks.accounted(st)).anyMatch(s -> s.startsWith("CROSS_VALIDATION: in 11 != out 9"));
    }

    @Test
    void functionDropsInsideASurvivingInstructionAreATallyNotALoss() {
        ObjectNode f = (ObjectNode) funnel(Map.of(Stage.CROSS_VALIDATION, new long[] {11, 9, 2}));
        ((ObjectNode) f.path("stages").path(2).path("dropped")).put("function-accuracy", 5);
        assertThat(FunnelChecks.accounted(FunnelChecks.stages(f))).isEmpty();
        ((ObjectNode) f.path("stages").path(1).path("dropped")).put("function-accuracy", 1);
        assertThat(FunnelChecks.accounted(FunnelChecks.stages(f)))
                .anyMatch(s -> s.startsWith("FUNCTION_GENERATION: in 12 != out 11 + dropped 2"));
    }

    @Test
    void aStageThatMissedUpstreamOutputIsNamed() {
        var st = FunnelChecks.stages(funnel(Map.of(Stage.JUDGE, new long[] {39, 30, 9},
                Stage.EXPORT, new long[] {39, 30, 9})));
        assertThat(FunnelChecks.accounted(st)).contains("JUDGE took in 39 but REJECTION emitted 40");
    }

    @Test
    void growthAlongAFilterIsNamed() {
        var st = FunnelChecks.stages(funnel(Map.of()));
        assertThat(FunnelChecks.monotonic(st, 31, 2, 4)).anyMatch(s -> s.startsWith("responses grow"));
    }

    @Test
    void badReasonsAndUnfinishedStagesAreNamed() {
        ObjectNode f = (ObjectNode) funnel(Map.of());
        ObjectNode judge = (ObjectNode) f.path("stages").path(7);
        judge.put("done", false);
        judge.putObject("dropped").put("Low Score", 10);
        assertThat(FunnelChecks.complete(FunnelChecks.stages(f)))
                .contains("JUDGE not done: " + FunnelChecks.stages(f).get(Stage.JUDGE))
                .anyMatch(s -> s.contains("'Low Score' is not a kebab-case key"));
    }
}
