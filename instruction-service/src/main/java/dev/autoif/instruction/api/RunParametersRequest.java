package dev.autoif.instruction.api;

import dev.autoif.contracts.LlmMode;
import dev.autoif.contracts.Models;
import dev.autoif.contracts.NliPolicy;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpecValidator;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.Threshold;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run's parameters as a client writes them: boxed, so an absent field (null) and 0 differ. {@link #resolve()}
 * fills each absent field with the paper's default ({@link RunParameters#defaults()}); an explicit value is kept as
 * given ({@code seed: 0} stays 0, {@code selfInstructRounds: 0} is refused).
 */
@Schema(description = "Every field is optional; an absent field takes the paper's default")
public record RunParametersRequest(
        @Min(1) @Max(RunSpecValidator.MAX_ROUNDS) Integer selfInstructRounds,
        @Min(3) @Max(RunSpecValidator.MAX_FUNCTIONS) Integer functionsPerInstruction,
        @Valid Fraction functionAccuracy,
        @Valid Fraction caseAccuracy,
        @Min(1) @Max(RunSpecValidator.MAX_FUNCTIONS) Integer minFunctions,
        @Min(1) @Max(1_000) Integer minCases,
        @Min(1) @Max(RunSpecValidator.MAX_FUNCTIONS) Integer backTranslationsPerInstruction,
        NliPolicy nliPolicy,
        @Min(1) @Max(RunSpecValidator.MAX_QUERIES) Integer queriesPerInstruction,
        @Min(1) @Max(RunSpecValidator.MAX_RESPONSES) Integer responsesPerQuery,
        @Valid Fraction responsePassRate,
        @Min(0) @Max(10_000_000) Integer resampleBudget,
        @Valid Score judgeThreshold,
        @Min(1) @Max(RunSpecValidator.MAX_JUDGE_SAMPLES) Integer judgeSamples,
        @Valid ModelNames models,
        Long seed,
        Boolean keepConstantFunctions,
        @Schema(description = "How each stage sends its LLM requests, online (default) or batch (the provider's "
                + "Batch API at its discount, answers within 24 h); only QUERY_SAMPLING, JUDGE and "
                + "FUNCTION_GENERATION may be batch", example = "{\"QUERY_SAMPLING\": \"batch\", \"JUDGE\": \"batch\"}")
        Map<Stage, LlmMode> llmModes) {

    /** A threshold on a share (0..1); {@code inclusive} left out keeps the default's (the paper's "> 0.5"). */
    public record Fraction(@NotNull @DecimalMin("0") @DecimalMax("1") Double value, Boolean inclusive) {
        Threshold resolve(Threshold dflt) {
            return new Threshold(value, inclusive == null ? dflt.inclusive() : inclusive);
        }
    }

    /** A threshold on a judge score (0..10); {@code inclusive} left out keeps the default's (">= 8"). */
    public record Score(@NotNull @DecimalMin("0") @DecimalMax("10") Double value, Boolean inclusive) {
        Threshold resolve(Threshold dflt) {
            return new Threshold(value, inclusive == null ? dflt.inclusive() : inclusive);
        }
    }

    /** The model per stage; a stage left out takes the default model. */
    public record ModelNames(@Size(min = 1, max = 200) String selfInstruct, @Size(min = 1, max = 200) String functions,
            @Size(min = 1, max = 200) String backTranslation, @Size(min = 1, max = 200) String nli,
            @Size(min = 1, max = 200) String responses, @Size(min = 1, max = 200) String judge) {
        Models resolve(Models d) {
            return new Models(or(selfInstruct, d.selfInstruct()), or(functions, d.functions()),
                    or(backTranslation, d.backTranslation()), or(nli, d.nli()), or(responses, d.responses()),
                    or(judge, d.judge()));
        }
    }

    /** Every value explicit: what the request gave, the default for what it left out. */
    public static RunParameters resolve(RunParametersRequest p) {
        RunParameters d = RunParameters.defaults();
        if (p == null) {
            return d;
        }
        return new RunParameters(
                or(p.selfInstructRounds, d.selfInstructRounds()),
                or(p.functionsPerInstruction, d.functionsPerInstruction()),
                p.functionAccuracy == null ? d.functionAccuracy() : p.functionAccuracy.resolve(d.functionAccuracy()),
                p.caseAccuracy == null ? d.caseAccuracy() : p.caseAccuracy.resolve(d.caseAccuracy()),
                or(p.minFunctions, d.minFunctions()),
                or(p.minCases, d.minCases()),
                or(p.backTranslationsPerInstruction, d.backTranslationsPerInstruction()),
                or(p.nliPolicy, d.nliPolicy()),
                or(p.queriesPerInstruction, d.queriesPerInstruction()),
                or(p.responsesPerQuery, d.responsesPerQuery()),
                p.responsePassRate == null ? d.responsePassRate() : p.responsePassRate.resolve(d.responsePassRate()),
                or(p.resampleBudget, d.resampleBudget()),
                p.judgeThreshold == null ? d.judgeThreshold() : p.judgeThreshold.resolve(d.judgeThreshold()),
                or(p.judgeSamples, d.judgeSamples()),
                p.models == null ? d.models() : p.models.resolve(d.models()),
                or(p.seed, d.seed()),
                or(p.keepConstantFunctions, d.keepConstantFunctions()),
                p.llmModes);
    }

    private static <T> T or(T value, T dflt) {
        return value == null ? dflt : value;
    }
}
