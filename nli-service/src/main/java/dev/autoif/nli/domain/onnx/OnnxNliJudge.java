package dev.autoif.nli.domain.onnx;

import dev.autoif.nli.domain.LlmCost;
import dev.autoif.nli.domain.NliJudge;
import dev.autoif.nli.domain.NliPair;
import java.time.Duration;
import java.util.List;

/** The NLI model judges; pairs from concurrent instructions share batches. Costs no LLM calls. */
public final class OnnxNliJudge implements NliJudge, AutoCloseable {

    public static final String MODE = "onnx";

    private final OnnxNliModel model;
    private final PairGatherer gatherer;

    public OnnxNliJudge(OnnxNliModel model, int gatherMaxPairs, Duration gatherWindow) {
        this.model = model;
        this.gatherer = new PairGatherer(model::classify, gatherMaxPairs, gatherWindow);
    }

    @Override
    public String mode() {
        return MODE;
    }

    @Override
    public Result judge(String runId, String modelName, List<NliPair> pairs) {
        return new Result(gatherer.classify(pairs), LlmCost.NONE);
    }

    @Override
    public void close() {
        gatherer.close();
        model.close();
    }
}
