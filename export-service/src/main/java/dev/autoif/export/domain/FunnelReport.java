package dev.autoif.export.domain;

import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.platform.progress.Funnel;
import dev.autoif.platform.progress.StageTotals;
import dev.autoif.platform.progress.UnitTallies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A run's funnel in the shape of the paper's own report (instructions after dedup, after cross-validation, after
 * NLI; pairs after verification, after judging), with drop reasons per step, the raw stage totals, what export
 * holds and the LLM usage. {@code tallies}: counts of another unit than a stage's own, shown apart (the functions
 * inside cross-validation's instructions, {@link UnitTallies}).
 */
public record FunnelReport(String runId, String runName, boolean complete, List<Step> report,
        List<StageTotals> stages, ExportCounts export, Usage llm, Map<String, UnitTallies.Tally> tallies) {

    /** One line of the report; {@code stage} is null for the seed count, {@code count} null when unknown. */
    public record Step(String step, Stage stage, Long count, Map<String, Long> dropped) {
    }

    /**
     * The run's LLM usage and spend.
     *
     * @param usd US dollars spent at the LLM clients' price tables; null when some calls' model has no price (then
     *     only {@code pricedUsd} is known, a lower bound)
     * @param savedUsd what the answers served from the LLM cache would have cost
     * @param unknownPriceCalls calls whose model is missing from the price table
     */
    public record Usage(long calls, long promptTokens, long completionTokens, Double usd, double pricedUsd,
            double savedUsd, long unknownPriceCalls) {

        static Usage of(Funnel f, List<StageTotals> stages) {
            return of(f.llmCalls(), stages.stream().mapToLong(StageTotals::promptTokens).sum(),
                    stages.stream().mapToLong(StageTotals::completionTokens).sum(), f.costMicroUsd(),
                    f.savedMicroUsd(), f.unknownPriceCalls());
        }

        /** From counters in millionths of a dollar. */
        public static Usage of(long calls, long promptTokens, long completionTokens, long costMicroUsd,
                long savedMicroUsd, long unknownPriceCalls) {
            double priced = costMicroUsd / 1e6;
            return new Usage(calls, promptTokens, completionTokens, unknownPriceCalls > 0 ? null : priced, priced,
                    savedMicroUsd / 1e6, unknownPriceCalls);
        }

        /** "$0.0123", or "unknown (at least $0.0100)" when some calls had no price. */
        public String dollars() {
            return usd != null ? dollars(usd) : "unknown (at least " + dollars(pricedUsd) + ")";
        }

        static String dollars(double usd) {
            return String.format(java.util.Locale.ROOT, "$%.4f", usd);
        }
    }

    public static FunnelReport of(String runId, Optional<RunSpec> spec, Funnel funnel, ExportCounts export) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("seed instructions", null,
                spec.map(s -> s.seedInstructions() == null ? null : (long) s.seedInstructions().size()).orElse(null),
                Map.of()));
        steps.add(out("instructions after dedup", funnel, Stage.SELF_INSTRUCT));
        steps.add(out("instructions with verification functions", funnel, Stage.FUNCTION_GENERATION));
        steps.add(out("instructions after cross-validation", funnel, Stage.CROSS_VALIDATION));
        steps.add(out("instructions after NLI", funnel, Stage.BACK_TRANSLATION));
        steps.add(out("instruction x query samples", funnel, Stage.QUERY_SAMPLING));
        steps.add(out("responses verified", funnel, Stage.RESPONSE_VERIFICATION));
        steps.add(out("pairs after verification", funnel, Stage.REJECTION));
        // judged pairs are counted from the rows export stored; the drop reasons are export's own deltas
        steps.add(new Step("pairs after judging", Stage.EXPORT, export.kept(),
                funnel.stage(Stage.EXPORT).dropped()));
        List<StageTotals> stages = funnel.stages();
        Usage usage = Usage.of(funnel, stages);
        // each stage counts its own unit; the functions inside cross-validation's instructions are a tally apart
        return new FunnelReport(runId, spec.map(RunSpec::name).orElse(null), funnel.done(), steps,
                stages.stream().map(UnitTallies::ownUnit).toList(), export, usage, UnitTallies.of(funnel));
    }

    private static Step out(String label, Funnel funnel, Stage stage) {
        StageTotals t = UnitTallies.ownUnit(funnel.stage(stage));
        return new Step(label, stage, t.itemsOut(), t.dropped());
    }

    /** A fixed-width plain-text table for terminals and logs. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(runId);
        if (runName != null) {
            b.append(" (").append(runName).append(')');
        }
        b.append(complete ? ": complete" : ": in progress").append('\n');
        b.append(String.format("%-42s %10s  %s%n", "step", "count", "dropped"));
        for (Step s : report) {
            b.append(String.format("%-42s %10s  %s%n", s.step(), s.count() == null ? "?" : s.count(),
                    drops(s.dropped())));
        }
        b.append(String.format("%nexport: %d judged, %d kept, %d verified responses, %d prompts with query pairs,"
                + " %d instruction case pairs (%d of instructions after NLI)%n", export.judged(), export.kept(),
                export.verifiedResponses(), export.queryPairPrompts(), export.instructionCasePairs(),
                export.acceptedInstructionCasePairs()));
        b.append(String.format("LLM: %d calls, %d prompt tokens, %d completion tokens, %s spent, %s saved by the"
                + " cache%n", llm.calls(), llm.promptTokens(), llm.completionTokens(), llm.dollars(),
                Usage.dollars(llm.savedUsd())));
        UnitTallies.Tally f = tallies.get(UnitTallies.FUNCTIONS);
        if (f != null) {
            b.append(String.format("functions (inside cross-validation's instructions): %s in, %s out, dropped %s%n",
                    f.in() == null ? "?" : f.in(), f.out() == null ? "?" : f.out(), drops(f.dropped())));
        }
        return b.toString();
    }

    static String drops(Map<String, Long> dropped) {
        return dropped == null ? "" : dropped.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
