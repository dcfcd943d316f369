package dev.autoif.llm.quarkus;

import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmSettings;
import dev.autoif.llm.cache.CacheKey;
import dev.autoif.llm.http.ApiKey;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * LLM clients for endpoints named per request rather than configured (an online DPO round's policy): the application's
 * settings (limits, retries, cache) with another base URL and the key read from a named environment variable. One
 * client per endpoint and variable, kept for the application's life, so each endpoint has its own limiter and the
 * persistent cache (keyed by endpoint) is shared.
 */
@ApplicationScoped
public class LlmEndpoints {

    private static final Logger LOG = Logger.getLogger(LlmEndpoints.class);

    private final LlmConfig config;
    private final PanacheCompletionStore store;
    private final MeterRegistry registry;
    private final UnaryOperator<String> env;
    private final Map<String, LlmClient> clients = new ConcurrentHashMap<>();

    public LlmEndpoints(LlmConfig config, PanacheCompletionStore store, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.env = System::getenv;
    }

    /**
     * @param baseUrl an absolute http(s) URL
     * @param apiKeyEnv the name of the environment variable holding the endpoint's key ({@link ApiKey#VARIABLE})
     * @throws IllegalArgumentException a base URL that is not an absolute URL with a host
     * @throws dev.autoif.llm.LlmConfigurationException a variable name of another shape
     */
    public LlmClient client(String baseUrl, String apiKeyEnv) {
        String endpoint = CacheKey.endpoint(baseUrl);
        ApiKey key = ApiKey.fromVariable(apiKeyEnv, env);
        return clients.computeIfAbsent(endpoint + " " + apiKeyEnv, k -> {
            LlmSettings settings = LlmClientProducer.settings(config).withBaseUrl(baseUrl.strip());
            LOG.infof("LLM client for %s (key from %s: %s)", endpoint, apiKeyEnv, key.isPresent() ? "set" : "NOT SET");
            return LlmClient.create(settings, key, store, registry);
        });
    }
}
