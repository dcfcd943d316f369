package dev.autoif.instruction.domain.cost;

import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.Stage;
import dev.autoif.platform.progress.Funnel;
import dev.autoif.platform.progress.StageTotals;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Stage profiles learnt from this service's own runs: for each stage, every run in which that stage is done adds its
 * calls, tokens and survivors, per unit of input, so runs of other sizes weigh in by their size. A stage no run has
 * finished keeps its prior (the paper's). The estimate is of a run from scratch, so calls a stage got from the LLM
 * cache count as if paid (its saved dollars scale its paid calls and tokens up).
 */
public final class CostHistory {

    /** A past run as the estimate needs it. */
    public record PastRun(RunParameters parameters, int seeds, long corpusQueries, Funnel funnel) {
    }

    private CostHistory() {
    }

    public static Map<Stage, StageProfile> profiles(Collection<PastRun> runs, Map<Stage, StageProfile> prior) {
        Map<Stage, StageProfile> out = new EnumMap<>(prior);
        for (Stage s : Stage.values()) {
            double units = 0;
            double samples = 0;
            double outUnits = 0;
            double calls = 0;
            double prompt = 0;
            double completion = 0;
            long survivors = 0;
            int n = 0;
            for (PastRun r : runs) {
                StageTotals t = r.funnel().stage(s);
                if (t == null || !t.done() || (t.costMicroUsd() == 0 && t.savedMicroUsd() > 0)) {
                    continue; // not finished, or served wholly from the LLM cache: nothing to learn about calls
                }
                // answers from the cache report no calls or tokens: scale the paid ones up by the dollars saved
                double scratch = t.costMicroUsd() > 0
                        ? (t.costMicroUsd() + t.savedMicroUsd()) / (double) t.costMicroUsd() : 1;
                RunParameters p = r.parameters();
                double u = s == Stage.SELF_INSTRUCT ? p.selfInstructRounds()
                        : t.itemsIn() * CostEstimator.inFan(s, p, r.corpusQueries());
                units += u;
                samples += u * CostEstimator.samples(s, p);
                outUnits += u * CostEstimator.outFan(s, p);
                calls += t.llmCalls() * scratch;
                prompt += t.promptTokens() * scratch;
                completion += t.completionTokens() * scratch;
                survivors += s == Stage.SELF_INSTRUCT ? Math.max(0, t.itemsOut() - r.seeds()) : t.itemsOut();
                n++;
            }
            if (units > 0) {
                out.put(s, new StageProfile(calls / units, prompt / units, samples > 0 ? completion / samples : 0,
                        outUnits > 0 ? survivors / outUnits : 0, "history (" + n + (n == 1 ? " run)" : " runs)")));
            }
        }
        return out;
    }
}
