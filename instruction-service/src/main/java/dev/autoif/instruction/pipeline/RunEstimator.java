package dev.autoif.instruction.pipeline;

import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.instruction.ai.FunctionWriter;
import dev.autoif.instruction.ai.SelfInstructor;
import dev.autoif.instruction.api.RunEstimate;
import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.domain.cost.CostEstimator;
import dev.autoif.instruction.domain.cost.CostHistory;
import dev.autoif.instruction.domain.cost.PromptSizes;
import dev.autoif.instruction.domain.cost.StageEstimate;
import dev.autoif.instruction.domain.cost.StageProfile;
import dev.autoif.instruction.persistence.CorpusRegistry;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.limit.TokenEstimator;
import dev.autoif.platform.progress.ProgressLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dry runs: the expected calls, tokens and dollars of a spec, from the paper's funnel until this service has runs of
 * its own, then from the latest {@value #HISTORY_RUNS} runs' finished stages.
 */
@ApplicationScoped
public class RunEstimator {

    static final int HISTORY_RUNS = 50;

    private final RunStore store;
    private final ProgressLedger ledger;
    private final CorpusRegistry corpora;
    private final LlmClient llm;
    private final InstructionConfig config;
    private final SelfInstructor selfInstructor;
    private final FunctionWriter functionWriter;

    public RunEstimator(RunStore store, ProgressLedger ledger, CorpusRegistry corpora, LlmClient llm,
            InstructionConfig config, SelfInstructor selfInstructor, FunctionWriter functionWriter) {
        this.store = store;
        this.ledger = ledger;
        this.corpora = corpora;
        this.llm = llm;
        this.config = config;
        this.selfInstructor = selfInstructor;
        this.functionWriter = functionWriter;
    }

    /** This run's self-instruct prompt, the function prompt and its seeds' mean size, in tokens. */
    private PromptSizes promptSizes(RunSpec spec) {
        long instruction = Math.round(spec.seedInstructions().stream()
                .mapToLong(s -> TokenEstimator.promptTokens(functionWriter.messages(s))).average().orElse(0));
        long functionPrompt = TokenEstimator.promptTokens(functionWriter.messages(""));
        return new PromptSizes(config.selfInstruct().count(), config.selfInstruct().roundsPerRequest(),
                TokenEstimator.promptTokens(selfInstructor.messages(spec, 0)), functionPrompt,
                Math.max(0, instruction - functionPrompt));
    }

    public RunEstimate estimate(RunSpec spec) {
        List<CostHistory.PastRun> past = new ArrayList<>();
        for (StoredRun r : store.page(0, HISTORY_RUNS)) {
            past.add(new CostHistory.PastRun(r.spec().parameters(), r.spec().seedInstructions().size(),
                    corpora.queries(r.spec().corpusId()), ledger.funnel(r.runId())));
        }
        Map<Stage, StageProfile> profiles = CostHistory.profiles(past,
                CostEstimator.paperProfiles(spec.parameters(), promptSizes(spec)));
        List<StageEstimate> stages = CostEstimator.estimate(spec.parameters(), spec.seedInstructions().size(),
                corpora.queries(spec.corpusId()), profiles, llm.prices()::price);
        long calls = 0;
        long prompt = 0;
        long completion = 0;
        long micro = 0;
        List<Stage> unknown = new ArrayList<>();
        List<RunEstimate.StageEstimateView> views = new ArrayList<>();
        for (StageEstimate s : stages) {
            calls += s.llmCalls();
            prompt += s.promptTokens();
            completion += s.completionTokens();
            if (s.microUsd() == null) {
                unknown.add(s.stage());
            } else {
                micro += s.microUsd();
            }
            views.add(new RunEstimate.StageEstimateView(s.stage(), s.model(), s.itemsIn(), s.itemsOut(),
                    s.llmCalls(), s.promptTokens(), s.completionTokens(),
                    s.microUsd() == null ? null : s.microUsd() / 1e6, s.basis()));
        }
        return new RunEstimate(true, spec.name(), spec.seedInstructions().size(), spec.corpusId(), calls, prompt,
                completion, unknown.isEmpty() ? micro / 1e6 : null, unknown, views);
    }
}
