package dev.autoif.verifier.domain;

import static dev.autoif.contracts.Verdict.ERROR;
import static dev.autoif.contracts.Verdict.FAIL;
import static dev.autoif.contracts.Verdict.INVALID;
import static dev.autoif.contracts.Verdict.PASS;
import static dev.autoif.contracts.Verdict.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.FunctionCandidate;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.PreferencePair;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.ScoredCase;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.TestCase;
import dev.autoif.contracts.Threshold;
import dev.autoif.contracts.Verdict;
import dev.autoif.verifier.sandbox.FunctionResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Cross-validation on hand-written verdict matrices whose outcome is worked out by hand. */
class CrossValidatorTest {

    /** Cases: c0 "A" expected pass, c1 "B" expected pass, c2 "c" expected fail, c3 "d" expected fail. */
    static final List<TestCase> CASES = List.of(new TestCase("A", true), new TestCase("B", true),
            new TestCase("c", false), new TestCase("d", false));

    static InstructionCandidate candidate(int functions, List<TestCase> cases) {
        return new InstructionCandidate("ins-1", "run-1", "Answer in capitals.", InstructionOrigin.SEED,
                IntStream.range(0, functions).mapToObj(i -> new FunctionCandidate("f" + i, "code" + i)).toList(),
                cases, functions, 0);
    }

    static FunctionResult ran(Verdict... v) {
        return new FunctionResult(null, List.of(v));
    }

    static FunctionResult rejected(String reason, int n) {
        return new FunctionResult(reason, Collections.nCopies(n, INVALID));
    }

    static RunParameters params(Threshold function, Threshold cases, int minFunctions, int minCases) {
        return params(function, cases, minFunctions, minCases, false);
    }

    static RunParameters params(Threshold function, Threshold cases, int minFunctions, int minCases,
            boolean keepConstant) {
        RunParameters d = RunParameters.defaults();
        return new RunParameters(d.selfInstructRounds(), d.functionsPerInstruction(), function, cases, minFunctions,
                minCases, d.backTranslationsPerInstruction(), d.nliPolicy(), d.queriesPerInstruction(),
                d.responsesPerQuery(), d.responsePassRate(), d.resampleBudget(), d.judgeThreshold(),
                d.judgeSamples(), d.models(), d.seed(), keepConstant);
    }

    static RunParameters keepingConstant() {
        return params(Threshold.above(0.5), Threshold.above(0.5), 1, 1, true);
    }

    static FunctionResult shaped(String normalForm, Verdict... v) {
        return new FunctionResult(null, List.of(v), normalForm);
    }

    @Test
    void keepsMajorityCasesThenGradesFunctionsOnThemWithThePapersThresholds() {
        // f0 perfect; f1 wrong on c1; f2 wrong on c1 and c3 (error); f3 does not compile
        List<FunctionResult> results = List.of(
                ran(PASS, PASS, FAIL, FAIL),
                ran(PASS, FAIL, FAIL, FAIL),
                ran(PASS, FAIL, FAIL, ERROR),
                rejected("unsupported-import:nltk", 4));

        CrossValidation cv = CrossValidator.validate(candidate(4, CASES), RunParameters.defaults(), results);

        // case accuracy over the 3 compiled functions: c0 3/3, c1 1/3, c2 3/3, c3 2/3 -> c1 dropped (> 0.5)
        assertThat(cv.kept()).isTrue();
        assertThat(cv.verified().cases()).containsExactly(new ScoredCase("A", true, 1.0),
                new ScoredCase("c", false, 1.0), new ScoredCase("d", false, 2.0 / 3));
        // function accuracy over kept cases c0, c2, c3: f0 3/3, f1 3/3, f2 2/3
        assertThat(cv.verified().functions()).containsExactly(new ScoredFunction("f0", "code0", 1.0, false),
                new ScoredFunction("f1", "code1", 1.0, false), new ScoredFunction("f2", "code2", 2.0 / 3, false));
        assertThat(cv.verified().functionIds()).containsExactly("f0", "f1", "f2");
        assertThat(cv.verified().allCases()).isEqualTo(CASES);
        assertThat(cv.verified().matrix()).containsExactly(List.of(true, true, true, true),
                List.of(true, false, true, true), List.of(true, false, true, false));
        assertThat(cv.functionDrops()).isEqualTo(Map.of("function-unsupported-import", 1L));
        // chosen: kept, expected pass, pass rate > 0.5 over kept functions: "A" (3/3); rejected: "c" (0 passes),
        // "d" (f2 errored, nobody passed it)
        assertThat(cv.verified().casePairs()).containsExactly(new PreferencePair("A", "c"),
                new PreferencePair("A", "d"));
    }

    @Test
    void theReportGivesEveryFunctionItsVerdictsAccuracyAndFateAndEveryCaseItsAccuracy() {
        // f0 perfect; f1 duplicates f0's normal form; f2 wrong on c1 and c3; f3 does not compile
        List<FunctionResult> results = List.of(
                shaped("n0", PASS, PASS, FAIL, FAIL),
                shaped("n0", PASS, PASS, FAIL, FAIL),
                shaped("n2", PASS, FAIL, FAIL, ERROR),
                rejected("syntax-error", 4));

        CrossValidation cv = CrossValidator.validate(candidate(4, CASES),
                params(Threshold.above(0.5), Threshold.atLeast(0.5), 1, 1), results);

        // voters f0, f2: case accuracy c0 1, c1 1/2, c2 1, c3 1/2 (all kept at >= 0.5); f0 4/4, f2 2/4 (dropped, > 0.5)
        CrossValidationReport r = cv.report();
        assertThat(r.functions()).extracting(CrossValidationReport.FunctionReport::outcome)
                .containsExactly("kept", "function-duplicate", "function-accuracy", "function-syntax-error");
        assertThat(r.functions()).extracting(CrossValidationReport.FunctionReport::accuracy)
                .containsExactly(1.0, null, 0.5, null);
        assertThat(r.functions().get(2).verdicts()).containsExactly(PASS, FAIL, FAIL, ERROR);
        assertThat(r.functions().get(3).verdicts()).isEmpty();
        assertThat(r.cases()).containsExactly(new CrossValidationReport.CaseReport("A", true, 1.0, true),
                new CrossValidationReport.CaseReport("B", true, 0.5, true),
                new CrossValidationReport.CaseReport("c", false, 1.0, true),
                new CrossValidationReport.CaseReport("d", false, 0.5, true));
        assertThat(cv.functionDrops()).isEqualTo(Map.of("function-duplicate", 1L, "function-accuracy", 1L,
                "function-syntax-error", 1L));
    }

    @Test
    void aDroppedInstructionStillReportsItsFunctions() {
        CrossValidation cv = CrossValidator.validate(candidate(2, List.of()), RunParameters.defaults(),
                List.of(ran(), rejected("unsupported-import:nltk", 0)));

        assertThat(cv.dropReason()).isEqualTo("no-cases");
        assertThat(cv.report().functions()).extracting(CrossValidationReport.FunctionReport::outcome)
                .containsExactly("not-graded", "function-unsupported-import");
        assertThat(cv.report().cases()).isEmpty();
    }

    @Test
    void inclusiveAndStrictThresholdsDifferExactlyAtTheBoundary() {
        // two functions disagree on every expected-pass case: case accuracy 0.5 there
        List<FunctionResult> results = List.of(ran(PASS, PASS, FAIL, FAIL), ran(FAIL, FAIL, FAIL, FAIL));

        // (f1 is constant: kept here, the run says so, to see both thresholds at work)
        CrossValidation strict = CrossValidator.validate(candidate(2, CASES),
                params(Threshold.above(0.5), Threshold.above(0.5), 1, 1, true), results);
        CrossValidation inclusive = CrossValidator.validate(candidate(2, CASES),
                params(Threshold.atLeast(0.5), Threshold.atLeast(0.5), 1, 1, true), results);

        // strict: c0, c1 out (0.5); c2, c3 kept; both functions are right on both -> both kept
        assertThat(strict.verified().cases()).extracting(ScoredCase::input).containsExactly("c", "d");
        assertThat(strict.verified().functions()).hasSize(2);
        // ... and f1 is flagged: it failed everything
        assertThat(strict.verified().functions().get(1).constant()).isTrue();
        assertThat(strict.verified().functions().get(0).constant()).isFalse();
        // inclusive: all four cases kept; f1 gets 2/4 = 0.5, kept only because >= 0.5
        assertThat(inclusive.verified().cases()).hasSize(4);
        assertThat(inclusive.verified().functions()).extracting(ScoredFunction::accuracy).containsExactly(1.0, 0.5);
    }

    @Test
    void originalCodeThresholdsDropAnInstructionWithTooFewFunctionsOrCases() {
        RunParameters original = params(Threshold.atLeast(0.8), Threshold.atLeast(0.8), 3, 3);
        List<FunctionResult> twoGood = List.of(ran(PASS, PASS, FAIL, FAIL), ran(PASS, PASS, FAIL, FAIL),
                ran(FAIL, FAIL, PASS, PASS));

        CrossValidation cv = CrossValidator.validate(candidate(3, CASES), original, twoGood);

        // every case has accuracy 2/3 < 0.8 -> no case survives
        assertThat(cv.kept()).isFalse();
        assertThat(cv.dropReason()).isEqualTo("too-few-cases");

        List<FunctionResult> oneWrong = List.of(ran(PASS, PASS, FAIL, FAIL), ran(PASS, PASS, FAIL, FAIL),
                ran(PASS, PASS, FAIL, FAIL), ran(PASS, PASS, FAIL, FAIL), ran(FAIL, FAIL, PASS, PASS));
        CrossValidation cv2 = CrossValidator.validate(candidate(5, CASES),
                params(Threshold.atLeast(0.8), Threshold.atLeast(0.8), 5, 3), oneWrong);
        // cases at 4/5 = 0.8 kept; 4 functions right, the fifth at 0 -> 4 < 5 functions
        assertThat(cv2.dropReason()).isEqualTo("too-few-functions");
        assertThat(cv2.functionDrops()).isEqualTo(Map.of("function-accuracy", 1L));
    }

    @Test
    void namesTheReasonWhenNothingCompiles() {
        List<FunctionResult> imports = List.of(rejected("unsupported-import:nltk", 4),
                rejected("unsupported-import:langdetect", 4));
        List<FunctionResult> mixed = List.of(rejected("unsupported-import:nltk", 4), rejected("syntax-error", 4));

        assertThat(CrossValidator.validate(candidate(2, CASES), RunParameters.defaults(), imports).dropReason())
                .isEqualTo("unsupported-import");
        CrossValidation m = CrossValidator.validate(candidate(2, CASES), RunParameters.defaults(), mixed);
        assertThat(m.dropReason()).isEqualTo("no-compiling-function");
        assertThat(m.functionDrops()).isEqualTo(Map.of("function-unsupported-import", 1L,
                "function-syntax-error", 1L));
        assertThat(CrossValidator.validate(candidate(0, CASES), RunParameters.defaults(), List.of()).dropReason())
                .isEqualTo("no-compiling-function");
        assertThat(CrossValidator.validate(candidate(1, List.of()), RunParameters.defaults(),
                List.of(ran())).dropReason()).isEqualTo("no-cases");
    }

    @Test
    void timeoutsAndErrorsCountAsWrongAndPairsNeedAgreement() {
        // f1 times out on every case: constant, so only a run that keeps constant functions lets it vote
        List<FunctionResult> results = List.of(ran(PASS, PASS, FAIL, PASS), ran(TIMEOUT, TIMEOUT, TIMEOUT, TIMEOUT),
                ran(PASS, PASS, FAIL, FAIL));

        CrossValidation cv = CrossValidator.validate(candidate(3, CASES), keepingConstant(), results);

        // case accuracy: c0 2/3, c1 2/3, c2 2/3, c3 1/3 -> c3 out; functions on c0..c2: f0 1, f1 0, f2 1
        assertThat(cv.verified().cases()).extracting(ScoredCase::input).containsExactly("A", "B", "c");
        assertThat(cv.verified().functions()).extracting(ScoredFunction::functionId).containsExactly("f0", "f2");
        assertThat(cv.functionDrops()).isEqualTo(Map.of("function-accuracy", 1L));
        assertThat(cv.verified().casePairs()).containsExactly(new PreferencePair("A", "c"),
                new PreferencePair("B", "c"));
    }

    @Test
    void constantFunctionsAreDroppedBeforeTheyVoteUnlessTheRunKeepsThem() {
        // f1 passes everything, f2 fails everything: constant while the labels disagree
        List<FunctionResult> results = List.of(ran(PASS, PASS, FAIL, PASS), ran(PASS, PASS, PASS, PASS),
                ran(FAIL, FAIL, FAIL, FAIL), ran(PASS, FAIL, FAIL, FAIL));

        CrossValidation dropped = CrossValidator.validate(candidate(4, CASES), RunParameters.defaults(), results);

        // voters f0, f3: c0 2/2, c1 1/2, c2 2/2, c3 1/2 -> c1, c3 out (> 0.5); f0 and f3 right on c0, c2
        assertThat(dropped.functionDrops()).isEqualTo(Map.of("function-constant", 2L));
        assertThat(dropped.verified().functionIds()).containsExactly("f0", "f3");
        assertThat(dropped.verified().cases()).extracting(ScoredCase::input).containsExactly("A", "c");
        assertThat(dropped.verified().functions()).extracting(ScoredFunction::functionId).containsExactly("f0", "f3");

        CrossValidation kept = CrossValidator.validate(candidate(4, CASES),
                params(Threshold.atLeast(0.5), Threshold.atLeast(0.5), 1, 1, true), results);
        // all four vote: c0 3/4, c1 2/4, c2 3/4, c3 2/4 -> all kept (>= 0.5); f0 3/4, f1 2/4, f2 2/4, f3 3/4
        assertThat(kept.functionDrops()).isEmpty();
        assertThat(kept.verified().functionIds()).containsExactly("f0", "f1", "f2", "f3");
        assertThat(kept.verified().functions()).extracting(ScoredFunction::constant)
                .containsExactly(false, true, true, false);
    }

    @Test
    void aConstantFunctionStaysWhenTheExpectedLabelsAllAgree() {
        List<TestCase> allPass = List.of(new TestCase("A", true), new TestCase("B", true));

        CrossValidation cv = CrossValidator.validate(candidate(2, allPass), RunParameters.defaults(),
                List.of(ran(PASS, PASS), ran(PASS, FAIL)));

        assertThat(cv.functionDrops()).isEmpty();
        assertThat(cv.verified().functions().getFirst().constant()).isTrue();
    }

    @Test
    void onlyConstantFunctionsLeaveTooFewFunctions() {
        CrossValidation cv = CrossValidator.validate(candidate(2, CASES), RunParameters.defaults(),
                List.of(ran(PASS, PASS, PASS, PASS), ran(ERROR, ERROR, ERROR, ERROR)));

        assertThat(cv.dropReason()).isEqualTo("too-few-functions");
        assertThat(cv.functionDrops()).isEqualTo(Map.of("function-constant", 2L));
    }

    @Test
    void identicalFunctionsVoteOnce() {
        // f0 and f2 have the same normal form (as the sandbox reports it): f2 is a duplicate and does not vote.
        // With f2 voting, c1 would get 2/3 and stay; without it f0 and f1 disagree on c1 (1/2) and it goes.
        List<FunctionResult> results = List.of(shaped("h0", PASS, PASS, FAIL, FAIL),
                shaped("h1", PASS, FAIL, FAIL, FAIL), shaped("h0", PASS, PASS, FAIL, FAIL));

        CrossValidation cv = CrossValidator.validate(candidate(3, CASES), RunParameters.defaults(), results);

        assertThat(cv.functionDrops()).isEqualTo(Map.of("function-duplicate", 1L));
        assertThat(cv.verified().functionIds()).containsExactly("f0", "f1");
        assertThat(cv.verified().cases()).extracting(ScoredCase::input).containsExactly("A", "c", "d");
    }

    @Test
    void withoutANormalFormCodeThatDiffersOnlyInTrailingBlanksIsADuplicate() {
        InstructionCandidate c = new InstructionCandidate("ins-1", "run-1", "x", InstructionOrigin.SEED,
                List.of(new FunctionCandidate("f0", "def evaluate(r):\n    return r.isupper()\n"),
                        new FunctionCandidate("f1", "def evaluate(r):   \n\n    return r.isupper()")),
                CASES, 2, 0);

        CrossValidation cv = CrossValidator.validate(c, RunParameters.defaults(),
                List.of(ran(PASS, PASS, FAIL, FAIL), ran(PASS, PASS, FAIL, FAIL)));

        assertThat(cv.functionDrops()).isEqualTo(Map.of("function-duplicate", 1L));
        assertThat(cv.verified().functionIds()).containsExactly("f0");
    }
}
