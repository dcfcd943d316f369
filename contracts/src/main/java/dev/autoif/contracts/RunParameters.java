package dev.autoif.contracts;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every knob of a run, with the paper's defaults (Appendix E and the original code's README).
 *
 * @param selfInstructRounds K: how many self-instruct rewrites are asked for
 * @param functionsPerInstruction verification functions (with their cases) asked per instruction; at least 3
 * @param functionAccuracy a function is kept when its accuracy over the cases passes this
 * @param caseAccuracy a case is kept when its accuracy over the functions passes this
 * @param minFunctions an instruction needs at least this many kept functions
 * @param minCases an instruction needs at least this many kept cases
 * @param backTranslationsPerInstruction how many kept functions are back-translated for NLI
 * @param nliPolicy when a contradiction drops an instruction
 * @param queriesPerInstruction real user queries joined with each accepted instruction
 * @param responsesPerQuery K responses sampled per instruction x query
 * @param responsePassRate a response is accepted when its pass rate over the functions passes this
 * @param resampleBudget how many instruction x query pairs with no passing response may be sampled again (0: none)
 * @param judgeThreshold a judged response is kept when its score passes this
 * @param judgeSamples judge samples averaged per response
 * @param models the model per stage
 * @param seed random seed for every sampling decision
 * @param keepConstantFunctions keep functions that give the same verdict on every case although the cases' expected
 *        labels disagree (broken functions, dropped by default as {@code function-constant})
 * @param llmModes how each stage sends its LLM requests; a stage left out is {@link LlmMode#ONLINE} (and so is every
 *        stage of a record written before this field). Only {@link LlmMode#BATCHABLE_STAGES} may be batch.
 */
public record RunParameters(
        int selfInstructRounds,
        int functionsPerInstruction,
        Threshold functionAccuracy,
        Threshold caseAccuracy,
        int minFunctions,
        int minCases,
        int backTranslationsPerInstruction,
        NliPolicy nliPolicy,
        int queriesPerInstruction,
        int responsesPerQuery,
        Threshold responsePassRate,
        int resampleBudget,
        Threshold judgeThreshold,
        int judgeSamples,
        Models models,
        long seed,
        boolean keepConstantFunctions,
        Map<Stage, LlmMode> llmModes) {

    public RunParameters {
        EnumMap<Stage, LlmMode> modes = new EnumMap<>(Stage.class);
        if (llmModes != null) {
            llmModes.forEach((stage, mode) -> {
                if (stage != null && mode != null) {
                    modes.put(stage, mode);
                }
            });
        }
        llmModes = Map.copyOf(modes);
    }

    /** Every stage online. */
    public RunParameters(int selfInstructRounds, int functionsPerInstruction, Threshold functionAccuracy,
            Threshold caseAccuracy, int minFunctions, int minCases, int backTranslationsPerInstruction,
            NliPolicy nliPolicy, int queriesPerInstruction, int responsesPerQuery, Threshold responsePassRate,
            int resampleBudget, Threshold judgeThreshold, int judgeSamples, Models models, long seed,
            boolean keepConstantFunctions) {
        this(selfInstructRounds, functionsPerInstruction, functionAccuracy, caseAccuracy, minFunctions, minCases,
                backTranslationsPerInstruction, nliPolicy, queriesPerInstruction, responsesPerQuery,
                responsePassRate, resampleBudget, judgeThreshold, judgeSamples, models, seed, keepConstantFunctions,
                null);
    }

    /** How {@code stage} sends its LLM requests. */
    public LlmMode llmMode(Stage stage) {
        return llmModes.getOrDefault(stage, LlmMode.ONLINE);
    }

    /** These parameters with other LLM modes. */
    public RunParameters withLlmModes(Map<Stage, LlmMode> modes) {
        return new RunParameters(selfInstructRounds, functionsPerInstruction, functionAccuracy, caseAccuracy,
                minFunctions, minCases, backTranslationsPerInstruction, nliPolicy, queriesPerInstruction,
                responsesPerQuery, responsePassRate, resampleBudget, judgeThreshold, judgeSamples, models, seed,
                keepConstantFunctions, modes);
    }

    /** The spec as it was before {@code keepConstantFunctions}: constant functions are dropped. */
    public RunParameters(int selfInstructRounds, int functionsPerInstruction, Threshold functionAccuracy,
            Threshold caseAccuracy, int minFunctions, int minCases, int backTranslationsPerInstruction,
            NliPolicy nliPolicy, int queriesPerInstruction, int responsesPerQuery, Threshold responsePassRate,
            int resampleBudget, Threshold judgeThreshold, int judgeSamples, Models models, long seed) {
        this(selfInstructRounds, functionsPerInstruction, functionAccuracy, caseAccuracy, minFunctions, minCases,
                backTranslationsPerInstruction, nliPolicy, queriesPerInstruction, responsesPerQuery,
                responsePassRate, resampleBudget, judgeThreshold, judgeSamples, models, seed, false);
    }

    public static RunParameters defaults() {
        return new RunParameters(100, 5, Threshold.above(0.5), Threshold.above(0.5), 1, 1, 3,
                NliPolicy.ANY_CONTRADICTION, 16, 8, Threshold.above(0.5), 0, Threshold.atLeast(8), 1,
                Models.defaults(), 42L);
    }

    /**
     * Fills every field the client left out (null or 0 from JSON) with its default, so a partial spec is
     * valid. Explicit values are kept as given and then validated.
     */
    public static RunParameters withDefaults(RunParameters p) {
        RunParameters d = defaults();
        if (p == null) {
            return d;
        }
        return new RunParameters(
                p.selfInstructRounds != 0 ? p.selfInstructRounds : d.selfInstructRounds,
                p.functionsPerInstruction != 0 ? p.functionsPerInstruction : d.functionsPerInstruction,
                p.functionAccuracy != null ? p.functionAccuracy : d.functionAccuracy,
                p.caseAccuracy != null ? p.caseAccuracy : d.caseAccuracy,
                p.minFunctions != 0 ? p.minFunctions : d.minFunctions,
                p.minCases != 0 ? p.minCases : d.minCases,
                p.backTranslationsPerInstruction != 0 ? p.backTranslationsPerInstruction
                        : d.backTranslationsPerInstruction,
                p.nliPolicy != null ? p.nliPolicy : d.nliPolicy,
                p.queriesPerInstruction != 0 ? p.queriesPerInstruction : d.queriesPerInstruction,
                p.responsesPerQuery != 0 ? p.responsesPerQuery : d.responsesPerQuery,
                p.responsePassRate != null ? p.responsePassRate : d.responsePassRate,
                p.resampleBudget,
                p.judgeThreshold != null ? p.judgeThreshold : d.judgeThreshold,
                p.judgeSamples != 0 ? p.judgeSamples : d.judgeSamples,
                p.models != null ? p.models.withDefaults() : d.models,
                p.seed != 0 ? p.seed : d.seed,
                p.keepConstantFunctions,
                p.llmModes);
    }
}
