package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Fault;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.TextKit;
import dev.autoif.llmsim.prompt.RecognizedPrompt;
import java.util.SplittableRandom;

/** Plays the supervision model: one choice for one recognised prompt, from its own random source. */
public final class ModelPlayer {

    private final SelfInstructPlayer selfInstruct;
    private final FunctionPlayer function;
    private final BackTranslationPlayer backTranslation;
    private final NliPlayer nli;
    private final ResponsePlayer response;
    private final JudgePlayer judge;

    public ModelPlayer(Catalogue catalogue) {
        this.selfInstruct = new SelfInstructPlayer(catalogue);
        this.function = new FunctionPlayer(catalogue);
        this.backTranslation = new BackTranslationPlayer(catalogue);
        this.nli = new NliPlayer(catalogue);
        this.response = new ResponsePlayer(catalogue);
        this.judge = new JudgePlayer(catalogue);
    }

    /**
     * @param fault a content fault that applies to this prompt kind, or null
     */
    public Answer answer(RecognizedPrompt p, SplittableRandom rng, Settings settings, Fault fault) {
        String text = switch (p.kind()) {
            case SELF_INSTRUCT -> selfInstruct.answer(p, rng, settings);
            case VERIFICATION_FUNCTION -> function.answer(p.fieldOrEmpty("instruction"), rng, settings, fault);
            case BACK_TRANSLATION -> backTranslation.answer(p.fieldOrEmpty("function"), rng, settings);
            case NLI_CLASSIFY -> nli.answer(p.fieldOrEmpty("premise"), p.fieldOrEmpty("hypothesis"));
            case RESPONSE -> response.answer(p.fieldOrEmpty("instruction"), p.fieldOrEmpty("query"), rng, settings);
            case JUDGE -> judge.answer(p.fieldOrEmpty("instruction"), p.fieldOrEmpty("query"),
                    p.fieldOrEmpty("response"), rng, fault);
            case UNKNOWN -> "I can help with that. " + TextKit.about("", rng).text(2);
        };
        return new Answer(text, fault);
    }
}
