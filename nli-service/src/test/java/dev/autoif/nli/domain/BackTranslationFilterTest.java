package dev.autoif.nli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.NliJudgement;
import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.NliPolicy;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.ScoredFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter's rules with a scripted translator and judge: which functions, which pairs, which drops. */
class BackTranslationFilterTest {

    private static final String INSTRUCTION = "Do not use commas.";

    /** Back-translation per function id; null = unparsable answer. */
    private final Map<String, String> answers = new HashMap<>();
    /** Label per hypothesis; missing = the judge gave no label. */
    private final Map<String, NliLabel> labels = new HashMap<>();
    private final List<List<String>> translatedIds = new ArrayList<>();
    private final List<List<NliPair>> judgedPairs = new ArrayList<>();

    private final BackTranslator translator = (runId, model, functions) -> {
        translatedIds.add(functions.stream().map(ScoredFunction::functionId).toList());
        return new BackTranslator.Result(functions.stream().map(f -> answers.get(f.functionId())).toList(),
                new LlmCost(functions.size(), 100, 10));
    };
    private final NliJudge judge = new NliJudge() {
        @Override
        public String mode() {
            return "llm";
        }

        @Override
        public Result judge(String runId, String model, List<NliPair> pairs) {
            judgedPairs.add(pairs);
            return new Result(pairs.stream().map(p -> labels.containsKey(p.hypothesis())
                    ? NliScores.certain(labels.get(p.hypothesis())) : null).toList(), new LlmCost(pairs.size(), 50, 1));
        }
    };
    private final BackTranslationFilter filter = new BackTranslationFilter(translator, judge);

    private static ScoredFunction fn(String id, double accuracy, boolean constant) {
        return new ScoredFunction(id, "def evaluate(response):\n    return True  # " + id, accuracy, constant);
    }

    private static InstructionVerified instruction(ScoredFunction... functions) {
        return new InstructionVerified("i-1", "run-1", INSTRUCTION, InstructionOrigin.SEED, List.of(functions),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static RunParameters params(int perInstruction, NliPolicy policy) {
        RunParameters d = RunParameters.defaults();
        return new RunParameters(d.selfInstructRounds(), d.functionsPerInstruction(), d.functionAccuracy(),
                d.caseAccuracy(), d.minFunctions(), d.minCases(), perInstruction, policy, d.queriesPerInstruction(),
                d.responsesPerQuery(), d.responsePassRate(), d.resampleBudget(), d.judgeThreshold(),
                d.judgeSamples(), d.models(), d.seed());
    }

    private void answer(String functionId, String text, NliLabel label) {
        answers.put(functionId, text);
        if (label != null) {
            labels.put(text, label);
        }
    }

    @Test
    void acceptsWhenNoBackTranslationContradictsAndPublishesEveryJudgement() {
        answer("f1", "Avoid commas.", NliLabel.ENTAILMENT);
        answer("f2", "Use no commas at all.", NliLabel.NEUTRAL);

        Outcome o = filter.filter(instruction(fn("f1", 1, false), fn("f2", 0.8, false)),
                params(3, NliPolicy.ANY_CONTRADICTION));

        assertThat(o.accepted()).isTrue();
        assertThat(o.mode()).isEqualTo("llm");
        assertThat(o.judgements()).extracting(NliJudgement::functionId, NliJudgement::backTranslation,
                NliJudgement::label).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f1", "Avoid commas.", NliLabel.ENTAILMENT),
                        org.assertj.core.groups.Tuple.tuple("f2", "Use no commas at all.", NliLabel.NEUTRAL));
        assertThat(judgedPairs.getFirst()).allSatisfy(p -> assertThat(p.premise()).isEqualTo(INSTRUCTION));
        assertThat(o.cost()).isEqualTo(new LlmCost(4, 150, 11));
    }

    @Test
    void oneContradictionDropsUnderTheDefaultPolicyButNotUnderMajority() {
        answer("f1", "Avoid commas.", NliLabel.ENTAILMENT);
        answer("f2", "Use commas.", NliLabel.CONTRADICTION);
        InstructionVerified in = instruction(fn("f1", 1, false), fn("f2", 1, false));

        Outcome any = filter.filter(in, params(3, NliPolicy.ANY_CONTRADICTION));
        Outcome majority = filter.filter(in, params(3, NliPolicy.MAJORITY_CONTRADICTION));

        assertThat(any.dropReason()).isEqualTo(Outcome.NLI_CONTRADICTION);
        assertThat(majority.accepted()).isTrue();
    }

    @Test
    void backTranslatesAtMostTheConfiguredNumberPreferringNonConstantAccurateFunctions() {
        answer("best", "Avoid commas.", NliLabel.ENTAILMENT);
        answer("good", "No commas.", NliLabel.ENTAILMENT);

        filter.filter(instruction(fn("constant", 1, true), fn("good", 0.7, false), fn("weak", 0.6, false),
                fn("best", 0.9, false)), params(2, NliPolicy.ANY_CONTRADICTION));

        assertThat(translatedIds).containsExactly(List.of("best", "good"));
    }

    @Test
    void anUnparsableBackTranslationSkipsOnlyItsFunction() {
        answer("f1", null, null);
        answer("f2", "Avoid commas.", NliLabel.ENTAILMENT);

        Outcome o = filter.filter(instruction(fn("f1", 1, false), fn("f2", 1, false)),
                params(3, NliPolicy.ANY_CONTRADICTION));

        assertThat(o.accepted()).isTrue();
        assertThat(o.unparsable()).isEqualTo(1);
        assertThat(o.judgements()).extracting(NliJudgement::functionId).containsExactly("f2");
    }

    @Test
    void noReadableBackTranslationDropsTheInstructionWithoutAskingTheJudge() {
        answer("f1", null, null);

        Outcome o = filter.filter(instruction(fn("f1", 1, false)), params(3, NliPolicy.ANY_CONTRADICTION));

        assertThat(o.dropReason()).isEqualTo(Outcome.NO_BACK_TRANSLATION);
        assertThat(judgedPairs).isEmpty();
    }

    @Test
    void pairsTheJudgeCouldNotLabelNeverCountAsAPass() {
        answer("f1", "Avoid commas.", null);

        Outcome o = filter.filter(instruction(fn("f1", 1, false)), params(3, NliPolicy.ANY_CONTRADICTION));

        assertThat(o.dropReason()).isEqualTo(Outcome.NO_NLI_JUDGEMENT);
        assertThat(o.unjudged()).isEqualTo(1);
    }
}
