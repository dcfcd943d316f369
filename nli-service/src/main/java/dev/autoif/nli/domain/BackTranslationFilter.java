package dev.autoif.nli.domain;

import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.NliJudgement;
import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.ScoredFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Paper 3.2, back-translation verification: each chosen function is turned back into an instruction, and an NLI
 * judge compares it (hypothesis) with the original instruction (premise). An unreadable back-translation skips
 * that function only; the run's policy decides whether contradictions drop the instruction.
 */
public final class BackTranslationFilter {

    private final BackTranslator translator;
    private final NliJudge judge;

    public BackTranslationFilter(BackTranslator translator, NliJudge judge) {
        this.translator = translator;
        this.judge = judge;
    }

    public String mode() {
        return judge.mode();
    }

    public Outcome filter(InstructionVerified instruction, RunParameters parameters) {
        List<ScoredFunction> chosen = FunctionChoice.choose(
                instruction.functions() == null ? List.of() : instruction.functions(),
                parameters.backTranslationsPerInstruction());
        BackTranslator.Result translated = chosen.isEmpty() ? new BackTranslator.Result(List.of(), LlmCost.NONE)
                : translator.translate(instruction.runId(), parameters.models().backTranslation(), chosen);
        List<ScoredFunction> functions = new ArrayList<>();
        List<NliPair> pairs = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            String text = translated.texts().get(i);
            if (text != null) {
                functions.add(chosen.get(i));
                pairs.add(new NliPair(instruction.text(), text));
            }
        }
        int unparsable = chosen.size() - pairs.size();
        if (pairs.isEmpty()) {
            return new Outcome(Outcome.NO_BACK_TRANSLATION, List.of(), judge.mode(), unparsable, 0,
                    translated.cost());
        }
        NliJudge.Result judged = judge.judge(instruction.runId(), parameters.models().nli(), pairs);
        LlmCost cost = translated.cost().plus(judged.cost());
        List<NliJudgement> judgements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            NliScores s = judged.scores().get(i);
            if (s != null) {
                judgements.add(new NliJudgement(functions.get(i).functionId(), pairs.get(i).hypothesis(), s.label(),
                        s.entailment(), s.neutral(), s.contradiction()));
            }
        }
        int unjudged = pairs.size() - judgements.size();
        if (judgements.isEmpty()) {
            return new Outcome(Outcome.NO_NLI_JUDGEMENT, judgements, judge.mode(), unparsable, unjudged, cost);
        }
        List<NliLabel> labels = judgements.stream().map(NliJudgement::label).toList();
        String drop = NliPolicyRule.drops(parameters.nliPolicy(), labels) ? Outcome.NLI_CONTRADICTION : null;
        return new Outcome(drop, List.copyOf(judgements), judge.mode(), unparsable, unjudged, cost);
    }
}
