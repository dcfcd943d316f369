package dev.autoif.contracts;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a run spec must meet. They live with the record so the API that accepts a run and every consumer that
 * reads it agree on what is valid.
 */
public final class RunSpecValidator {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SEEDS = 10_000;
    public static final int MAX_SEED_LENGTH = 2_000;
    public static final int MAX_ROUNDS = 10_000;
    public static final int MAX_FUNCTIONS = 20;
    public static final int MAX_QUERIES = 1_000;
    public static final int MAX_RESPONSES = 64;
    public static final int MAX_JUDGE_SAMPLES = 10;
    private static final String BATCHABLE = LlmMode.BATCHABLE_STAGES.stream().map(Enum::name).sorted().toList()
            .toString();

    private RunSpecValidator() {
    }

    /** Validates a spec whose parameters already had their defaults filled in. Empty when valid. */
    public static List<Violation> validate(RunSpec spec) {
        List<Violation> v = new ArrayList<>();
        if (spec.name() == null || spec.name().isBlank()) {
            v.add(new Violation("name", "must not be blank"));
        } else if (spec.name().length() > MAX_NAME_LENGTH) {
            v.add(new Violation("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        List<String> seeds = spec.seedInstructions();
        if (seeds != null) {
            if (seeds.size() > MAX_SEEDS) {
                v.add(new Violation("seedInstructions", "at most " + MAX_SEEDS + " seeds"));
            }
            for (int i = 0; i < seeds.size(); i++) {
                String s = seeds.get(i);
                if (s == null || s.isBlank()) {
                    v.add(new Violation("seedInstructions[" + i + "]", "must not be blank"));
                } else if (s.length() > MAX_SEED_LENGTH) {
                    v.add(new Violation("seedInstructions[" + i + "]",
                            "must be at most " + MAX_SEED_LENGTH + " characters"));
                }
            }
        }
        if (spec.corpusId() != null && !spec.corpusId().matches("[A-Za-z0-9._-]{1,100}")) {
            v.add(new Violation("corpusId", "letters, digits, '.', '_' and '-' only, 1 to 100 characters"));
        }
        if (spec.maxCostUsd() != null && !(spec.maxCostUsd() > 0 && spec.maxCostUsd() <= 1e9)) {
            v.add(new Violation("maxCostUsd", "must be above 0 and at most 1e9 dollars"));
        }
        RunParameters p = spec.parameters();
        if (p == null) {
            v.add(new Violation("parameters", "must be present"));
            return v;
        }
        range(v, "parameters.selfInstructRounds", p.selfInstructRounds(), 0, MAX_ROUNDS);
        range(v, "parameters.functionsPerInstruction", p.functionsPerInstruction(), 3, MAX_FUNCTIONS);
        fraction(v, "parameters.functionAccuracy", p.functionAccuracy());
        fraction(v, "parameters.caseAccuracy", p.caseAccuracy());
        range(v, "parameters.minFunctions", p.minFunctions(), 1, MAX_FUNCTIONS);
        if (p.minFunctions() > p.functionsPerInstruction()) {
            v.add(new Violation("parameters.minFunctions", "must not exceed functionsPerInstruction"));
        }
        range(v, "parameters.minCases", p.minCases(), 1, 1_000);
        range(v, "parameters.backTranslationsPerInstruction", p.backTranslationsPerInstruction(), 1, MAX_FUNCTIONS);
        range(v, "parameters.queriesPerInstruction", p.queriesPerInstruction(), 1, MAX_QUERIES);
        range(v, "parameters.responsesPerQuery", p.responsesPerQuery(), 1, MAX_RESPONSES);
        fraction(v, "parameters.responsePassRate", p.responsePassRate());
        range(v, "parameters.resampleBudget", p.resampleBudget(), 0, 10_000_000);
        if (p.judgeThreshold() == null || p.judgeThreshold().value() < 0 || p.judgeThreshold().value() > 10) {
            v.add(new Violation("parameters.judgeThreshold", "value must be between 0 and 10"));
        }
        range(v, "parameters.judgeSamples", p.judgeSamples(), 1, MAX_JUDGE_SAMPLES);
        p.llmModes().forEach((stage, mode) -> {
            if (mode == LlmMode.BATCH && !LlmMode.BATCHABLE_STAGES.contains(stage)) {
                v.add(new Violation("parameters.llmModes." + stage, "only " + BATCHABLE
                        + " may be batch; every other stage is online"));
            }
        });
        Models m = p.models();
        if (m != null) {
            model(v, "parameters.models.selfInstruct", m.selfInstruct());
            model(v, "parameters.models.functions", m.functions());
            model(v, "parameters.models.backTranslation", m.backTranslation());
            model(v, "parameters.models.nli", m.nli());
            model(v, "parameters.models.responses", m.responses());
            model(v, "parameters.models.judge", m.judge());
        }
        return v;
    }

    private static void range(List<Violation> v, String field, long value, long min, long max) {
        if (value < min || value > max) {
            v.add(new Violation(field, "must be between " + min + " and " + max));
        }
    }

    private static void fraction(List<Violation> v, String field, Threshold t) {
        if (t == null || Double.isNaN(t.value()) || t.value() < 0 || t.value() > 1) {
            v.add(new Violation(field, "value must be between 0 and 1"));
        }
    }

    private static void model(List<Violation> v, String field, String model) {
        if (model != null && (model.isBlank() || model.length() > 200)) {
            v.add(new Violation(field, "must be a model name of 1 to 200 characters"));
        }
    }
}
