package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SftLinesTest {

    private static JudgedSample j(String q, String id, String text, double passRate, Double score, boolean kept) {
        return new JudgedSample("i", q, id, null, null, "prompt " + q, text, passRate, score, kept);
    }

    private static final List<JudgedSample> ROWS = List.of(
            j("q1", "r1", "nine", 1.0, 9.0, true),
            j("q1", "r2", "eight", 0.7, 8.0, true),
            j("q1", "r3", "nine", 1.0, 9.0, true),
            j("q2", "r4", "five", 1.0, 5.0, false),
            j("q2", "r5", "unscored", 1.0, null, false),
            j("q3", "r6", "nine", 1.0, 9.0, true));

    private static List<Object> lines(SftThresholds t) {
        return SftLines.of(ROWS.iterator(), t, SftFormat.ALPACA, PromptForm.NATURAL, Split.none(), null).toList();
    }

    @Test
    void keepsWhatTheJudgeKeptEachTextOncePerPrompt() {
        assertThat(lines(SftThresholds.asJudged())).containsExactly(
                new Lines.Alpaca("prompt q1", "", "nine"), new Lines.Alpaca("prompt q1", "", "eight"),
                new Lines.Alpaca("prompt q3", "", "nine"));
    }

    @Test
    void aMinimumScoreReDecidesFromStoredScoresAndNeverKeepsUnscored() {
        assertThat(lines(new SftThresholds(5.0, null))).extracting(o -> ((Lines.Alpaca) o).output())
                .containsExactly("nine", "eight", "five", "nine");
        assertThat(lines(new SftThresholds(0.0, null))).extracting(o -> ((Lines.Alpaca) o).output())
                .doesNotContain("unscored");
    }

    @Test
    void aMinimumPassRateTightens() {
        assertThat(lines(new SftThresholds(null, 0.8))).extracting(o -> ((Lines.Alpaca) o).output())
                .containsExactly("nine", "nine");
    }

    @Test
    void everyFormatCarriesThePromptAsTheUserTurn() {
        assertThat(SftFormat.MESSAGES.line("p", "r")).isEqualTo(new Lines.Messages(List.of(
                new Lines.Message("user", "p"), new Lines.Message("assistant", "r"))));
        assertThat(SftFormat.SHAREGPT.line("p", "r")).isEqualTo(new Lines.ShareGpt(List.of(
                new Lines.Turn("human", "p"), new Lines.Turn("gpt", "r"))));
        assertThat(SftFormat.SHAREGPT.param()).isEqualTo("sharegpt");
        assertThat(DpoFormat.TRL_CONVERSATIONAL.param()).isEqualTo("trl-conversational");
    }

    @Test
    void theNaturalFormIsTheDefaultUserTurnAndTheTemplateStaysAnOption() {
        List<JudgedSample> rows = List.of(new JudgedSample("i", "q", "r1", "answer in lowercase", "What is Java?",
                "<instruction>answer in lowercase</instruction> <query>What is Java?</query>", "java is...", 1.0,
                9.0, true));
        assertThat(SftLines.of(rows.iterator(), SftThresholds.asJudged(), SftFormat.ALPACA, PromptForm.NATURAL,
                Split.none(), null)).containsExactly(new Lines.Alpaca("What is Java? Answer in lowercase", "",
                        "java is..."));
        assertThat(SftLines.of(rows.iterator(), SftThresholds.asJudged(), SftFormat.ALPACA, PromptForm.TEMPLATE,
                Split.none(), null)).extracting(o -> ((Lines.Alpaca) o).instruction())
                .containsExactly(rows.getFirst().prompt());
    }

    @Test
    void metadataColumnsSitBesideTheFormatsOwn() throws Exception {
        List<JudgedSample> rows = List.of(new JudgedSample("ins-1", "q-1", "r1", "be brief", "Hi", "tpl", "hello",
                0.75, 8.5, true));
        Object line = SftLines.of(rows.iterator(), SftThresholds.asJudged(), SftFormat.MESSAGES, PromptForm.NATURAL,
                Split.none(), "run-1").findFirst().orElseThrow();
        assertThat(dev.autoif.contracts.EnvelopeCodec.mapper().writeValueAsString(line)).isEqualTo(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi. Be brief\"},{\"role\":\"assistant\","
                        + "\"content\":\"hello\"}],\"autoif_run_id\":\"run-1\",\"autoif_instruction_id\":\"ins-1\","
                        + "\"autoif_instruction\":\"be brief\",\"autoif_query_id\":\"q-1\",\"autoif_pass_rate\":0.75,"
                        + "\"autoif_judge_score\":8.5}");
    }
}
