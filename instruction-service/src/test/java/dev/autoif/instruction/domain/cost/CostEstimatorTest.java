package dev.autoif.instruction.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.price.ModelPrice;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The paper-basis estimate's arithmetic: calls from the spec's parameters and the funnel's ratios, tokens per call. */
class CostEstimatorTest {

    /** $1 per million prompt tokens, $2 per million completion tokens: micro-dollars = prompt + 2 x completion. */
    static final ModelPrice PRICE = new ModelPrice(1, 0.5, 2, 0.5);

    /** 10 lines a round, 16 rounds a request; a 900-token self-instruct prompt, a 230-token function prompt. */
    static final PromptSizes SIZES = new PromptSizes(10, 16, 900, 230, 20);

    static RunParameters params(int rounds, int functions, int queries, int responses) {
        RunParameters d = RunParameters.defaults();
        return new RunParameters(rounds, functions, d.functionAccuracy(), d.caseAccuracy(), d.minFunctions(),
                d.minCases(), d.backTranslationsPerInstruction(), d.nliPolicy(), queries, responses,
                d.responsePassRate(), d.resampleBudget(), d.judgeThreshold(), d.judgeSamples(), d.models(), d.seed());
    }

    static Map<Stage, StageEstimate> estimate(RunParameters p, int seeds, long corpusQueries) {
        Map<Stage, StageEstimate> out = new EnumMap<>(Stage.class);
        for (StageEstimate s : CostEstimator.estimate(p, seeds, corpusQueries, CostEstimator.paperProfiles(p, SIZES),
                m -> Optional.of(PRICE))) {
            out.put(s.stage(), s);
        }
        return out;
    }

    @Test
    void oneRoundIsOneWholeRequestWithItsWholePrompt() {
        StageEstimate si = estimate(params(1, 3, 2, 4), 40, 200).get(Stage.SELF_INSTRUCT);
        assertThat(si.llmCalls()).isEqualTo(1);
        assertThat(si.promptTokens()).isEqualTo(900);
        // ten lines of about an instruction each (20 tokens and the line's "- " framing)
        assertThat(si.completionTokens()).isEqualTo(10 * 22);
        // the seeds, then the paper's 16,928 kept of 400 x 50 lines asked for
        assertThat(si.itemsOut()).isEqualTo(Math.round(40 + 10 * 16_928.0 / 20_000));
    }

    @Test
    void roundsShareRequests() {
        StageEstimate si = estimate(params(40, 3, 2, 4), 4, 200).get(Stage.SELF_INSTRUCT);
        assertThat(si.llmCalls()).as("40 rounds, 16 a request").isEqualTo(3);
        assertThat(si.promptTokens()).isEqualTo(3 * 900);
        assertThat(si.completionTokens()).isEqualTo(40 * 10 * 22);
    }

    @Test
    void eachStageCallsPerItemItTakesIn() {
        Map<Stage, StageEstimate> e = estimate(params(1, 3, 2, 4), 40, 200);
        StageEstimate fn = e.get(Stage.FUNCTION_GENERATION);
        double instructions = 40 + 10 * 16_928.0 / 20_000;
        assertThat(fn.llmCalls()).as("one request of n functions per instruction").isEqualTo(fn.itemsIn());
        // the function prompt and the instruction in it
        assertThat(fn.promptTokens()).isEqualTo(Math.round(instructions * 250));
        assertThat(fn.completionTokens()).isEqualTo(Math.round(instructions * 3 * CostEstimator.FUNCTION_ANSWER));

        StageEstimate bt = e.get(Stage.BACK_TRANSLATION);
        double verified = instructions * 0.98 * 14_579 / 16_928;
        // 3 functions, half kept: 1.5 back-translated, each a back-translation call and an NLI call
        assertThat(bt.llmCalls()).isEqualTo(Math.round(verified * 3));
        assertThat(bt.completionTokens()).isEqualTo(Math.round(verified * 1.5 * (20 + 1 + CostEstimator.NLI_ANSWER)));

        StageEstimate qs = e.get(Stage.QUERY_SAMPLING);
        double accepted = verified * 13_077 / 14_579;
        assertThat(qs.llmCalls()).as("one request of K responses per instruction x query").isEqualTo(
                Math.round(accepted * 2));
        assertThat(qs.completionTokens()).isEqualTo(Math.round(accepted * 2 * 4 * CostEstimator.RESPONSE));

        StageEstimate judge = e.get(Stage.JUDGE);
        double pairs = accepted * 2 * 4 * 122_932.0 / (13_077 * 16);
        assertThat((double) judge.llmCalls()).isCloseTo(pairs, within(0.5));
        // the judge reads the instruction, the query and one response
        assertThat((double) judge.promptTokens()).isCloseTo(pairs * (CostEstimator.JUDGE_PROMPT + 20
                + CostEstimator.QUERY + CostEstimator.RESPONSE), within(1.0));
    }

    @Test
    void aSmallCorpusBoundsTheQueriesAndDollarsFollowTheTokens() {
        Map<Stage, StageEstimate> e = estimate(params(1, 3, 16, 4), 40, 5);
        StageEstimate qs = e.get(Stage.QUERY_SAMPLING);
        double accepted = (40 + 10 * 16_928.0 / 20_000) * 0.98 * 13_077 / 16_928;
        assertThat(qs.llmCalls()).as("5 queries, not 16").isEqualTo(Math.round(accepted * 5));
        for (StageEstimate s : List.of(qs, e.get(Stage.JUDGE), e.get(Stage.FUNCTION_GENERATION))) {
            assertThat(s.microUsd()).as("%s", s.stage())
                    .isCloseTo(s.promptTokens() + 2 * s.completionTokens(), within(1L));
        }
        assertThat(e.get(Stage.CROSS_VALIDATION).microUsd()).isZero();
    }

    @Test
    void aBatchStageIsPricedAtTheBatchDiscount() {
        RunParameters online = params(1, 3, 2, 4);
        RunParameters batch = online.withLlmModes(Map.of(Stage.JUDGE, LlmMode.BATCH));
        StageEstimate a = estimate(online, 40, 200).get(Stage.JUDGE);
        StageEstimate b = estimate(batch, 40, 200).get(Stage.JUDGE);
        assertThat(b.llmCalls()).isEqualTo(a.llmCalls());
        assertThat((double) b.microUsd()).isCloseTo(a.microUsd() * 0.5, within(1.0));
        assertThat(estimate(batch, 40, 200).get(Stage.QUERY_SAMPLING).microUsd())
                .isEqualTo(estimate(online, 40, 200).get(Stage.QUERY_SAMPLING).microUsd());
    }

    @Test
    void anUnknownPriceIsNotZero() {
        RunParameters p = params(1, 3, 2, 4);
        List<StageEstimate> e = CostEstimator.estimate(p, 4, 0, CostEstimator.paperProfiles(p, SIZES),
                m -> Optional.empty());
        assertThat(e).filteredOn(s -> s.llmCalls() > 0).allSatisfy(s -> assertThat(s.microUsd()).isNull());
        assertThat(e).filteredOn(s -> s.llmCalls() == 0).allSatisfy(s -> assertThat(s.microUsd()).isZero());
    }
}
