package dev.autoif.verifier.domain;

import dev.autoif.contracts.FunctionCandidate;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.PreferencePair;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.ScoredCase;
import dev.autoif.contracts.ScoredFunction;
import dev.autoif.contracts.TestCase;
import dev.autoif.contracts.Verdict;
import dev.autoif.verifier.sandbox.FunctionResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cross-validation of one instruction's functions and cases (paper 3.2), given every function's verdict on every
 * case. The rules, in order:
 * <ol>
 * <li>A function takes part only if it compiled (loaded, imports allowed, has {@code evaluate}).</li>
 * <li>Identical functions vote once: a function whose normal form (the sandbox's SHA-256 of its Python syntax tree without positions,
 * so layout and comments do not count) equals an earlier one's is dropped as {@code function-duplicate}.</li>
 * <li>A constant function (the same verdict on every case while the cases' expected labels disagree) is broken and
 * dropped as {@code function-constant}, unless the run keeps them ({@code keepConstantFunctions}).</li>
 * <li>A function judges a case right when it passes a case expected to pass or fails one expected to fail; any
 * other verdict (error, timeout, ...) is wrong.</li>
 * <li>Case accuracy = share of the compiled functions that judge it right; a case is kept when it reaches
 * {@code caseAccuracy}. The functions vote on which cases are trustworthy.</li>
 * <li>Function accuracy = share of the kept cases it judges right; a function is kept when it reaches
 * {@code functionAccuracy}. Functions are graded on trustworthy cases only.</li>
 * <li>The instruction survives with at least {@code minFunctions} kept functions and {@code minCases} kept cases.</li>
 * <li>A kept function is flagged {@code constant} when it gave the same verdict on every case (kept because the
 * expected labels all agree, or because the run keeps constant functions).</li>
 * <li>Instruction-level preference pairs (paper 3.4): among the kept cases, scored by the kept functions, chosen =
 * a case expected to pass whose pass rate is above 0.5, rejected = a case expected to fail with pass rate 0. Every
 * chosen x rejected combination, at most {@link #MAX_PAIRS}, in case order.</li>
 * </ol>
 */
public final class CrossValidator {

    public static final int MAX_PAIRS = 64;

    private CrossValidator() {
    }

    /** {@code results.get(i)} holds function i's verdicts on the candidate's cases, in case order. */
    public static CrossValidation validate(InstructionCandidate c, RunParameters p, List<FunctionResult> results) {
        List<FunctionCandidate> functions = c.functions() == null ? List.of() : c.functions();
        List<TestCase> cases = c.cases() == null ? List.of() : c.cases();
        if (results.size() != functions.size()) {
            throw new IllegalArgumentException("one result per function expected");
        }
        Map<String, Long> functionDrops = new TreeMap<>();
        Fates fates = new Fates(functions, cases, results);
        List<Integer> compiled = new ArrayList<>();
        boolean allUnsupportedImports = !functions.isEmpty();
        for (int i = 0; i < functions.size(); i++) {
            FunctionResult r = results.get(i);
            if (r.loaded()) {
                compiled.add(i);
            } else {
                String kind = r.rejection().split(":", 2)[0];
                functionDrops.merge("function-" + kind, 1L, Long::sum);
                fates.outcome[i] = "function-" + kind;
                allUnsupportedImports &= kind.equals("unsupported-import");
            }
        }
        if (cases.isEmpty()) {
            return new CrossValidation(null, "no-cases", functionDrops, fates.report());
        }
        if (compiled.isEmpty()) {
            return new CrossValidation(null, allUnsupportedImports ? "unsupported-import" : "no-compiling-function",
                    functionDrops, fates.report());
        }
        compiled = voters(compiled, functions, cases, results, p.keepConstantFunctions(), functionDrops, fates);
        if (compiled.isEmpty()) {
            return new CrossValidation(null, "too-few-functions", functionDrops, fates.report());
        }

        boolean[][] right = new boolean[compiled.size()][cases.size()];
        for (int fi = 0; fi < compiled.size(); fi++) {
            List<Verdict> verdicts = results.get(compiled.get(fi)).verdicts();
            for (int ci = 0; ci < cases.size(); ci++) {
                Verdict v = verdicts.get(ci);
                right[fi][ci] = cases.get(ci).expected() ? v == Verdict.PASS : v == Verdict.FAIL;
            }
        }

        List<Integer> keptCases = new ArrayList<>();
        double[] caseAccuracy = new double[cases.size()];
        for (int ci = 0; ci < cases.size(); ci++) {
            int n = 0;
            for (boolean[] row : right) {
                n += row[ci] ? 1 : 0;
            }
            caseAccuracy[ci] = (double) n / compiled.size();
            fates.caseAccuracy[ci] = caseAccuracy[ci];
            if (p.caseAccuracy().accepts(caseAccuracy[ci])) {
                keptCases.add(ci);
                fates.caseKept[ci] = true;
            }
        }

        List<ScoredFunction> keptFunctions = new ArrayList<>();
        List<Integer> keptRows = new ArrayList<>();
        for (int fi = 0; fi < compiled.size(); fi++) {
            int n = 0;
            for (int ci : keptCases) {
                n += right[fi][ci] ? 1 : 0;
            }
            double accuracy = keptCases.isEmpty() ? 0 : (double) n / keptCases.size();
            fates.accuracy[compiled.get(fi)] = accuracy;
            if (p.functionAccuracy().accepts(accuracy)) {
                fates.outcome[compiled.get(fi)] = CrossValidationReport.KEPT;
                FunctionCandidate f = functions.get(compiled.get(fi));
                keptFunctions.add(new ScoredFunction(f.functionId(), f.code(), accuracy,
                        constant(results.get(compiled.get(fi)).verdicts())));
                keptRows.add(fi);
            } else {
                functionDrops.merge("function-accuracy", 1L, Long::sum);
                fates.outcome[compiled.get(fi)] = "function-accuracy";
            }
        }

        if (keptCases.size() < p.minCases()) {
            return new CrossValidation(null, "too-few-cases", functionDrops, fates.report());
        }
        if (keptFunctions.size() < p.minFunctions()) {
            return new CrossValidation(null, "too-few-functions", functionDrops, fates.report());
        }

        List<ScoredCase> scoredCases = new ArrayList<>();
        for (int ci : keptCases) {
            scoredCases.add(new ScoredCase(cases.get(ci).input(), cases.get(ci).expected(), caseAccuracy[ci]));
        }
        List<String> functionIds = new ArrayList<>();
        List<List<Boolean>> matrix = new ArrayList<>();
        for (int fi = 0; fi < compiled.size(); fi++) {
            functionIds.add(functions.get(compiled.get(fi)).functionId());
            List<Boolean> row = new ArrayList<>(cases.size());
            for (boolean b : right[fi]) {
                row.add(b);
            }
            matrix.add(row);
        }
        List<PreferencePair> pairs = pairs(cases, keptCases, keptRows, compiled, results);
        return new CrossValidation(new InstructionVerified(c.instructionId(), c.runId(), c.text(), c.origin(),
                keptFunctions, scoredCases, functionIds, cases, matrix, pairs), null, functionDrops, fates.report());
    }

    /** The compiled functions that vote: first of each normal form, and not constant unless the run keeps them. */
    private static List<Integer> voters(List<Integer> compiled, List<FunctionCandidate> functions,
            List<TestCase> cases, List<FunctionResult> results, boolean keepConstant, Map<String, Long> drops,
            Fates fates) {
        boolean labelsDisagree = cases.stream().map(TestCase::expected).distinct().count() > 1;
        Set<String> seen = new HashSet<>();
        List<Integer> voters = new ArrayList<>();
        for (int i : compiled) {
            FunctionResult r = results.get(i);
            String form = r.normalForm() != null ? r.normalForm() : "code:" + normalised(functions.get(i).code());
            if (!seen.add(form)) {
                drops.merge("function-duplicate", 1L, Long::sum);
                fates.outcome[i] = "function-duplicate";
            } else if (!keepConstant && labelsDisagree && constant(r.verdicts())) {
                drops.merge("function-constant", 1L, Long::sum);
                fates.outcome[i] = "function-constant";
            } else {
                voters.add(i);
            }
        }
        return voters;
    }

    /** Each function's fate and accuracy and each case's accuracy, filled in as the rules run, for the report. */
    private static final class Fates {
        final List<FunctionCandidate> functions;
        final List<TestCase> cases;
        final List<FunctionResult> results;
        final String[] outcome;
        final Double[] accuracy;
        final Double[] caseAccuracy;
        final boolean[] caseKept;

        Fates(List<FunctionCandidate> functions, List<TestCase> cases, List<FunctionResult> results) {
            this.functions = functions;
            this.cases = cases;
            this.results = results;
            this.outcome = new String[functions.size()];
            this.accuracy = new Double[functions.size()];
            this.caseAccuracy = new Double[cases.size()];
            this.caseKept = new boolean[cases.size()];
        }

        CrossValidationReport report() {
            List<CrossValidationReport.FunctionReport> fs = new ArrayList<>();
            for (int i = 0; i < functions.size(); i++) {
                FunctionResult r = results.get(i);
                fs.add(new CrossValidationReport.FunctionReport(functions.get(i).functionId(),
                        outcome[i] == null ? CrossValidationReport.NOT_GRADED : outcome[i], accuracy[i],
                        r.loaded() && r.verdicts() != null ? List.copyOf(r.verdicts()) : List.of()));
            }
            List<CrossValidationReport.CaseReport> cs = new ArrayList<>();
            for (int ci = 0; ci < cases.size(); ci++) {
                cs.add(new CrossValidationReport.CaseReport(cases.get(ci).input(), cases.get(ci).expected(),
                        caseAccuracy[ci], caseKept[ci]));
            }
            return new CrossValidationReport(List.copyOf(fs), List.copyOf(cs));
        }
    }

    /** Without the sandbox's normal form: the code with trailing blanks and blank lines removed. */
    private static String normalised(String code) {
        return code == null ? "" : code.lines().map(String::stripTrailing).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static boolean constant(List<Verdict> verdicts) {
        return verdicts.stream().distinct().count() == 1;
    }

    private static List<PreferencePair> pairs(List<TestCase> cases, List<Integer> keptCases, List<Integer> keptRows,
            List<Integer> compiled, List<FunctionResult> results) {
        List<String> chosen = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        if (keptRows.isEmpty()) {
            return List.of();
        }
        for (int ci : keptCases) {
            int passes = 0;
            for (int fi : keptRows) {
                passes += results.get(compiled.get(fi)).verdicts().get(ci) == Verdict.PASS ? 1 : 0;
            }
            double passRate = (double) passes / keptRows.size();
            TestCase tc = cases.get(ci);
            if (tc.expected() && passRate > 0.5) {
                chosen.add(tc.input());
            } else if (!tc.expected() && passes == 0) {
                rejected.add(tc.input());
            }
        }
        List<PreferencePair> pairs = new ArrayList<>();
        for (String w : chosen) {
            for (String l : rejected) {
                if (pairs.size() == MAX_PAIRS) {
                    return pairs;
                }
                pairs.add(new PreferencePair(w, l));
            }
        }
        return pairs;
    }
}
