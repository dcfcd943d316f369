package dev.autoif.nli.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code autoif.nli.*}: where the NLI model is and how it runs. */
@ConfigMapping(prefix = "autoif.nli")
public interface NliConfig {

    /**
     * Directory with model.onnx, tokenizer.json and config.json (env AUTOIF_NLI_MODEL_PATH). Unset: the LLM
     * classifies each pair instead.
     */
    Optional<String> modelPath();

    /** ONNX Runtime threads inside one operator; 0 = one per physical core. */
    @WithDefault("0")
    int intraOpThreads();

    /** ONNX Runtime threads across operators; 0 = default. */
    @WithDefault("0")
    int interOpThreads();

    /** Pairs per inference call. */
    @WithDefault("32")
    int batchSize();

    /** Tokens per pair; longer pairs are truncated. */
    @WithDefault("512")
    int maxLength();

    /** Pairs of concurrent instructions gathered into one classification at most. */
    @WithDefault("128")
    int gatherMaxPairs();

    /** How long the first instruction of a gathering waits for others. */
    @WithDefault("5ms")
    Duration gatherWindow();
}
