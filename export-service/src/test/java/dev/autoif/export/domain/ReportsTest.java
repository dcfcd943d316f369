package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.progress.Funnel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final RunSpec SPEC = new RunSpec("r1", "my | run", List.of("a", "b", "c"),
            RunParameters.defaults(), "sample", false, Instant.EPOCH);

    private static FunnelReport report(boolean exportCaughtUp) {
        Funnel f = Funnel.of(List.of(
                new StageProgress("r1", Stage.SELF_INSTRUCT, 3, 10, Map.of("duplicate", 2L), 5, 100, 50, true)
                        .withCost(2500, 0, 0),
                new StageProgress("r1", Stage.JUDGE, 0, 4, Map.of(), 4, 10, 20, false).withCost(1500, 200, 0),
                new StageProgress("r1", Stage.EXPORT, exportCaughtUp ? 4 : 3, 2, Map.of("unscored", 1L), 0, 0, 0,
                        false)));
        return FunnelReport.of("r1", Optional.of(SPEC), f, new ExportCounts(4, 2, 0, 0, 0, 0));
    }

    @Test
    void theReportFollowsThePapersStepsWithDropReasons() {
        FunnelReport r = report(false);
        assertThat(r.report().getFirst().count()).isEqualTo(3);
        assertThat(r.report().get(1).count()).isEqualTo(10);
        assertThat(r.report().get(1).dropped()).containsEntry("duplicate", 2L);
        assertThat(r.report().getLast().count()).isEqualTo(2);
        assertThat(r.llm()).isEqualTo(new FunnelReport.Usage(9, 110, 70, 0.004, 0.004, 0.0002, 0));
        assertThat(r.text()).contains("$0.0040 spent, $0.0002 saved by the cache");
        assertThat(r.text()).contains("in progress").containsPattern("instructions after dedup\\s+10\\s+duplicate=2");
    }

    @Test
    void theCardHasHubFrontMatterAndEscapesTableCells() {
        String md = DatasetCard.render(report(false), Optional.of(SPEC), 0, Split.DEFAULT_SEED);
        assertThat(md).startsWith("---\nlicense: other").contains("size_categories:\n- n<1K\nconfigs:\n- config_name: sft\n  default: true\n  data_files:\n"
                        + "  - split: train\n    path: sft_messages.jsonl\n- config_name: sft_alpaca\n")
                .contains("pretty_name: \"AutoIF: my | run\"").contains("# AutoIF: my \\| run")
                .contains("| seed instructions | 3 |").contains("| judgeThreshold | >= 8.0 |")
                .contains("| selfInstruct | gpt-4o-mini |").contains("counts are partial")
                .contains("| SELF_INSTRUCT | 5 | 100 | 50 | $0.0025 |").contains("| total | 9 | 110 | 70 | $0.0040 |")
                .doesNotContain("split: validation")
                .contains("| dpo_pairwise | `dpo_pairwise.jsonl` | `dpo?format=llama-factory` |");
        String split = DatasetCard.render(report(false), Optional.of(SPEC), 0.1, 7);
        assertThat(split).contains("  - split: validation\n    path: rlvr_validation.jsonl\n---\n")
                .contains("| rlvr (validation) | `rlvr_validation.jsonl` | `rlvr?validation=0.1&seed=7&split=validation` |");
    }

    @Test
    void callsOfAModelWithoutPriceMakeTheTotalUnknownNotZero() {
        Funnel f = Funnel.of(List.of(new StageProgress("r1", Stage.JUDGE, 1, 1, Map.of(), 2, 10, 20, false)
                .withCost(300, 0, 1)));
        FunnelReport r = FunnelReport.of("r1", Optional.of(SPEC), f, new ExportCounts(1, 1, 0, 0, 0, 0));

        assertThat(r.llm().usd()).isNull();
        assertThat(r.llm().pricedUsd()).isEqualTo(0.0003);
        assertThat(r.llm().unknownPriceCalls()).isEqualTo(1);
        assertThat(r.text()).contains("unknown (at least $0.0003) spent");
        assertThat(DatasetCard.render(r, Optional.of(SPEC), 0, Split.DEFAULT_SEED))
                .contains("| JUDGE | 2 | 10 | 20 | unknown (at least $0.0003) |");
    }

    @Test
    void sizeCategoriesFollowTheHubsBuckets() {
        assertThat(SizeCategory.of(0)).isEqualTo("n<1K");
        assertThat(SizeCategory.of(999)).isEqualTo("n<1K");
        assertThat(SizeCategory.of(1000)).isEqualTo("1K<n<10K");
        assertThat(SizeCategory.of(61_492)).isEqualTo("10K<n<100K");
        assertThat(SizeCategory.of(122_932)).isEqualTo("100K<n<1M");
        assertThat(SizeCategory.of(5_000_000_000_000L)).isEqualTo("n>1T");
    }
}
