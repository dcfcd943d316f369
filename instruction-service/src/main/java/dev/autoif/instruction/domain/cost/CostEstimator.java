package dev.autoif.instruction.domain.cost;

import dev.autoif.contracts.Models;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.Stage;
import dev.autoif.llm.price.ModelPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pre-flight estimate of a run: items, LLM calls, tokens and dollars per stage, folded stage by stage from the
 * run's parameters and one {@link StageProfile} per stage (the paper's funnel until this service has finished stages
 * of its own, see {@link CostHistory}). Cache hits are not assumed: the estimate is what the run costs from scratch.
 */
public final class CostEstimator {

    private CostEstimator() {
    }

    /**
     * The paper's funnel (the fork's gpt-4o-mini run: K=400 rounds -> 16,928 instructions -> 14,579 after cross
     * validation -> 13,077 after NLI; 13,077 x 8 queries x 2 responses -> 122,932 verified pairs -> 61,492 after
     * judging). Tokens per call are this project's prompts' typical sizes, until history replaces them.
     */
    public static Map<Stage, StageProfile> paperProfiles(int roundsPerRequest) {
        String b = StageProfile.PAPER;
        return Map.of(
                Stage.SELF_INSTRUCT, new StageProfile(1.0 / Math.max(1, roundsPerRequest),
                        900.0 / Math.max(1, roundsPerRequest), 700, 16_928.0 / 400, b),
                Stage.FUNCTION_GENERATION, new StageProfile(1, 650, 450, 0.98, b),
                Stage.CROSS_VALIDATION, new StageProfile(0, 0, 0, 14_579.0 / 16_928, b),
                Stage.BACK_TRANSLATION, new StageProfile(1, 350, 60, 13_077.0 / 14_579, b),
                Stage.QUERY_SAMPLING, new StageProfile(1, 300, 350, 1, b),
                Stage.RESPONSE_VERIFICATION, new StageProfile(0, 0, 0, 1, b),
                Stage.REJECTION, new StageProfile(0, 0, 0, 122_932.0 / (13_077 * 16), b),
                Stage.JUDGE, new StageProfile(1, 700, 200, 61_492.0 / 122_932, b),
                Stage.EXPORT, new StageProfile(0, 0, 0, 1, b));
    }

    /** Items of the unit a stage's profile counts per item taken in (pairs per instruction for sampling). */
    static double inFan(Stage s, RunParameters p, long corpusQueries) {
        return s == Stage.QUERY_SAMPLING ? queries(p, corpusQueries) : 1;
    }

    /** Samples asked per request: what completion tokens scale with. */
    static double samples(Stage s, RunParameters p) {
        return switch (s) {
            case FUNCTION_GENERATION -> p.functionsPerInstruction();
            case BACK_TRANSLATION -> p.backTranslationsPerInstruction();
            case QUERY_SAMPLING, REJECTION -> p.responsesPerQuery();
            case JUDGE -> p.judgeSamples();
            default -> 1;
        };
    }

    /** Items out per surviving unit: accepted responses per verified pair. */
    static double outFan(Stage s, RunParameters p) {
        return s == Stage.REJECTION ? p.responsesPerQuery() : 1;
    }

    static double queries(RunParameters p, long corpusQueries) {
        return corpusQueries > 0 ? Math.min(p.queriesPerInstruction(), corpusQueries) : p.queriesPerInstruction();
    }

    /** The model a stage's calls are billed to. */
    static String model(Stage s, Models m) {
        return switch (s) {
            case SELF_INSTRUCT -> m.selfInstruct();
            case FUNCTION_GENERATION -> m.functions();
            case BACK_TRANSLATION -> m.backTranslation();
            case QUERY_SAMPLING, REJECTION -> m.responses();
            case JUDGE -> m.judge();
            default -> null;
        };
    }

    /**
     * @param seeds the run's seed instructions
     * @param corpusQueries queries in the run's corpus (0: unknown, the parameter is taken as is)
     * @param prices the price of a model, empty when unknown
     */
    public static List<StageEstimate> estimate(RunParameters p, int seeds, long corpusQueries,
            Map<Stage, StageProfile> profiles, Function<String, Optional<ModelPrice>> prices) {
        List<StageEstimate> out = new ArrayList<>();
        double upstream = 0;
        for (Stage s : Stage.values()) {
            StageProfile prof = profiles.get(s);
            double in;
            double units;
            double emitted;
            if (s == Stage.SELF_INSTRUCT) {
                units = p.selfInstructRounds();
                in = seeds + prof.survival() * units;
                emitted = in;
            } else {
                in = upstream;
                units = in * inFan(s, p, corpusQueries);
                emitted = units * outFan(s, p) * prof.survival();
            }
            double calls = units * prof.callsPerUnit();
            double prompt = units * prof.promptPerUnit();
            double completion = units * samples(s, p) * prof.completionPerSample();
            String model = calls > 0 ? model(s, p.models()) : null;
            Long micro = calls <= 0 ? Long.valueOf(0) : prices.apply(model)
                    .map(pr -> pr.microUsd(Math.round(prompt), 0, Math.round(completion), false)).orElse(null);
            out.add(new StageEstimate(s, model, Math.round(in), Math.round(emitted), Math.round(calls),
                    Math.round(prompt), Math.round(completion), micro, prof.basis()));
            // the judge passes every judgement on, kept or not (Stage.emitted)
            upstream = s == Stage.JUDGE ? in : emitted;
        }
        return out;
    }
}
