package dev.autoif.llm.quarkus;

import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmSettings;
import dev.autoif.llm.batch.BatchSettings;
import dev.autoif.llm.http.ApiKey;
import dev.autoif.llm.http.OpenAiBatchHttp;
import dev.autoif.llm.price.ModelPrice;
import dev.autoif.llm.price.PriceTable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Makes the one {@link LlmClient} of an application from {@code autoif.llm.*} and OPENAI_API_KEY. */
@ApplicationScoped
public class LlmClientProducer {

    private static final Logger LOG = Logger.getLogger(LlmClientProducer.class);

    @Produces
    @Singleton
    LlmClient llmClient(LlmConfig config, PanacheCompletionStore store, PanacheBatchStore batches,
            MeterRegistry registry) {
        LlmSettings settings = settings(config);
        ApiKey key = ApiKey.fromEnvironment(System::getenv);
        // Never the key itself: only whether there is one.
        LOG.infof("LLM client: %s, concurrency %d, %d rpm, %d tpm (ceiling), adaptive rate limit %s, retries %d, n %s,"
                + " cache %s, api key %s", settings.baseUrl(), settings.maxConcurrency(), settings.requestsPerMinute(),
                settings.tokensPerMinute(), settings.adaptiveRateLimit() ? "on" : "off", settings.maxRetries(),
                settings.nSupported(),
                settings.cacheEnabled() ? "on" : "off", key.isPresent() ? "set" : "NOT SET (" + ApiKey.ENV + ")");
        LlmClient client = LlmClient.create(settings, key, store, registry, prices(config));
        if (config.batch().enabled()) {
            LOG.infof("LLM batch mode available: files of up to %d requests, sent after at most %s, polled every %s",
                    settings.batch().maxRequests(), settings.batch().maxWait(), settings.batch().pollInterval());
            client.enableBatches(new OpenAiBatchHttp(settings.baseUrl(), key, settings.timeout()), batches);
        }
        return client;
    }

    void close(@Disposes LlmClient client) {
        client.close();
    }

    static PriceTable prices(LlmConfig c) {
        Map<String, ModelPrice> configured = new HashMap<>();
        c.prices().forEach((model, p) -> configured.put(model, new ModelPrice(p.input(),
                p.cachedInput().orElse(p.input()), p.output(), p.batchDiscount())));
        return PriceTable.defaultsWith(configured);
    }

    static LlmSettings settings(LlmConfig c) {
        return new LlmSettings(c.baseUrl(), c.timeout(), c.maxConcurrency(), c.requestsPerMinute(),
                c.tokensPerMinute(), c.maxRetries(), c.initialBackoff(), c.maxBackoff(), c.nSupported(),
                c.cache().enabled(), c.adaptiveRateLimit(), new BatchSettings(c.batch().maxRequests(),
                c.batch().maxWait(), c.batch().pollInterval()));
    }
}
