package dev.autoif.instruction.domain.cost;

import dev.autoif.contracts.LlmMode;
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

    /** Instructions kept per instruction line the paper's self-instruct asked for: 16,928 of 400 rounds x 50 lines. */
    static final double PAPER_LINE_SURVIVAL = 16_928.0 / (400 * 50);

    /*
     * Prompt sizes of the other services' templates in tokens (characters / 4, their placeholders left out) plus the
     * request's framing, as TokenEstimator counts: query-service prompts/query/response.txt, judge-service
     * prompts/judge/judge.txt, nli-service prompts/nli/back-translation.txt and prompts/nli/nli-classify.txt. A
     * changed template makes them stale: history replaces them after one run.
     */
    static final int RESPONSE_PROMPT = 38;
    static final int JUDGE_PROMPT = 175;
    static final int BACK_TRANSLATION_PROMPT = 158;
    static final int NLI_PROMPT = 104;

    /*
     * Typical sizes of what is not known before a run, in tokens: a user query (a sentence or two), a verification
     * answer (a short Python function and three test cases as JSON), the function's code alone (what
     * back-translation reads), a response sample (about 75 words: many instructions bound the length) and a judge
     * sample (a short analysis and the score line). Each is the prior until the service has history.
     */
    static final int QUERY = 16;
    static final int FUNCTION_ANSWER = 250;
    static final int FUNCTION_CODE = 100;
    static final int RESPONSE = 100;
    static final int JUDGE_ANSWER = 80;
    static final int NLI_ANSWER = 2;

    /**
     * Kept functions per function asked for: the paper does not report it; this project drops identical and broken
     * functions, so about half survive cross-validation. Back-translation reads at most
     * {@code backTranslationsPerInstruction} of them.
     */
    static final double FUNCTION_KEEP = 0.5;

    /**
     * The paper's funnel (the fork's gpt-4o-mini run: K=400 rounds x 50 lines -> 16,928 instructions -> 14,579 after
     * cross validation -> 13,077 after NLI; 13,077 x 8 queries x 2 responses -> 122,932 verified pairs -> 61,492
     * after judging) applied to this run's shape: the calls each stage makes per unit for these parameters, and
     * tokens per call from the real prompts (this service's own, rendered; the other services' template sizes) with
     * the spec's seeds as the typical instruction.
     */
    public static Map<Stage, StageProfile> paperProfiles(RunParameters p, PromptSizes sizes) {
        String b = StageProfile.PAPER;
        long instruction = sizes.instruction();
        int perRequest = Math.max(1, sizes.roundsPerRequest());
        // each back-translated function is one back-translation call and one NLI call (nliMode llm, the default
        // without a local model)
        double translated = Math.min(p.backTranslationsPerInstruction(),
                Math.max(1, p.functionsPerInstruction() * FUNCTION_KEEP));
        double responseIn = instruction + QUERY;
        return Map.of(
                Stage.SELF_INSTRUCT, new StageProfile(1.0 / perRequest, (double) sizes.selfInstructPrompt() / perRequest,
                        sizes.instructionsPerRound() * (instruction + 2.0),
                        sizes.instructionsPerRound() * PAPER_LINE_SURVIVAL, b),
                Stage.FUNCTION_GENERATION, new StageProfile(1, sizes.functionPrompt() + instruction, FUNCTION_ANSWER,
                        0.98, b),
                Stage.CROSS_VALIDATION, new StageProfile(0, 0, 0, 14_579.0 / 16_928, b),
                Stage.BACK_TRANSLATION, new StageProfile(2 * translated,
                        translated * (BACK_TRANSLATION_PROMPT + FUNCTION_CODE + NLI_PROMPT + 2 * instruction),
                        translated * (instruction + 1 + NLI_ANSWER) / Math.max(1, p.backTranslationsPerInstruction()),
                        13_077.0 / 14_579, b),
                Stage.QUERY_SAMPLING, new StageProfile(1, RESPONSE_PROMPT + responseIn, RESPONSE, 1, b),
                Stage.RESPONSE_VERIFICATION, new StageProfile(0, 0, 0, 1, b),
                Stage.REJECTION, new StageProfile(0, 0, 0, 122_932.0 / (13_077 * 16), b),
                Stage.JUDGE, new StageProfile(1, JUDGE_PROMPT + responseIn + RESPONSE, JUDGE_ANSWER,
                        61_492.0 / 122_932, b),
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
            double perUnit = units * prof.callsPerUnit();
            // self-instruct's rounds go out several to a request (n samples of one prompt): whole requests, each
            // with its whole prompt
            double calls = s == Stage.SELF_INSTRUCT ? Math.ceil(perUnit - 1e-9) : perUnit;
            double prompt = perUnit > 0 ? units * prof.promptPerUnit() * calls / perUnit : 0;
            double completion = units * samples(s, p) * prof.completionPerSample();
            String model = calls > 0 ? model(s, p.models()) : null;
            Long micro = calls <= 0 ? Long.valueOf(0) : prices.apply(model)
                    .map(pr -> pr.microUsd(Math.round(prompt), 0, Math.round(completion),
                            p.llmMode(s) == LlmMode.BATCH)).orElse(null);
            out.add(new StageEstimate(s, model, Math.round(in), Math.round(emitted), Math.round(calls),
                    Math.round(prompt), Math.round(completion), micro, prof.basis()));
            // the judge passes every judgement on, kept or not (Stage.emitted)
            upstream = s == Stage.JUDGE ? in : emitted;
        }
        return out;
    }
}
