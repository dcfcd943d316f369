package dev.autoif.nli.config;

import dev.autoif.nli.ai.LlmNliJudge;
import dev.autoif.nli.domain.BackTranslationFilter;
import dev.autoif.nli.domain.BackTranslator;
import dev.autoif.nli.domain.NliJudge;
import dev.autoif.nli.domain.onnx.OnnxNliJudge;
import dev.autoif.nli.domain.onnx.OnnxNliModel;
import dev.autoif.nli.domain.onnx.OnnxSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Chooses the NLI judge once, at start-up: the ONNX model when {@code autoif.nli.model-path} is set (a missing or
 * broken model stops the start with the path and the reason), otherwise the LLM fallback, said loudly in the log.
 */
@ApplicationScoped
public class NliJudgeProducer {

    private static final Logger LOG = Logger.getLogger(NliJudgeProducer.class);

    @Produces
    @Singleton
    NliJudge judge(NliConfig config, LlmNliJudge llmJudge) {
        if (config.modelPath().isEmpty() || config.modelPath().get().isBlank()) {
            LOG.warn("No NLI model configured (autoif.nli.model-path / AUTOIF_NLI_MODEL_PATH): the LLM classifies "
                    + "every (instruction, back-translation) pair instead (nliMode=llm). See docs/nli-model.md.");
            return llmJudge;
        }
        Path dir = Path.of(config.modelPath().get());
        OnnxSettings settings = new OnnxSettings(config.intraOpThreads(), config.interOpThreads(),
                config.batchSize(), config.maxLength());
        OnnxNliModel model = OnnxNliModel.load(dir, settings);
        LOG.infof("NLI model loaded from %s (nliMode=onnx, token_type_ids %s, batch %d, max length %d, "
                + "intra-op threads %s)", dir, model.feedsTokenTypes() ? "fed" : "not used", settings.batchSize(),
                settings.maxLength(), settings.intraOpThreads() == 0 ? "default" : settings.intraOpThreads());
        return new OnnxNliJudge(model, config.gatherMaxPairs(), config.gatherWindow());
    }

    void close(@Disposes NliJudge judge) throws Exception {
        if (judge instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Produces
    @Singleton
    BackTranslationFilter filter(BackTranslator translator, NliJudge judge) {
        return new BackTranslationFilter(translator, judge);
    }

    /** Loads the model now rather than on the first record, so a bad model fails the start, not a message. */
    void onStart(@Observes StartupEvent event, NliJudge judge) {
        LOG.debugf("NLI judge ready: %s", judge.mode());
    }
}
