package dev.autoif.llm.quarkus;

import dev.autoif.llm.NSupport;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code autoif.llm.*}. The API key is deliberately not here: it is read from the environment variable
 * OPENAI_API_KEY only, so it cannot end up in a properties file or a config dump.
 */
@ConfigMapping(prefix = "autoif.llm")
public interface LlmConfig {

    /** API root; {@code /chat/completions} is appended. OPENAI_BASE_URL is honoured when the key is not set. */
    @WithDefault("${OPENAI_BASE_URL:https://api.openai.com/v1}")
    String baseUrl();

    /** Per-request timeout (connect and whole answer). */
    @WithDefault("60s")
    Duration timeout();

    @WithDefault("8")
    int maxConcurrency();

    /** 0 = no limit. */
    @WithDefault("500")
    int requestsPerMinute();

    /** 0 = no limit. */
    @WithDefault("200000")
    long tokensPerMinute();

    /**
     * Follow the provider's {@code x-ratelimit-*} headers and {@code Retry-After}: slow down before being refused,
     * sharing the key's budget with every other service and replica without dividing RPM by hand.
     */
    @WithDefault("true")
    boolean adaptiveRateLimit();

    @WithDefault("5")
    int maxRetries();

    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** auto | true | false */
    @WithDefault("auto")
    NSupport nSupported();

    Cache cache();

    /** Batch mode: how requests of the stages a run sends in {@code batch} mode go through the Batch API. */
    Batch batch();

    interface Batch {
        /** When off, batch-mode requests are sent online. */
        @WithDefault("true")
        boolean enabled();

        /** A batch file is sent as soon as it holds this many requests (the provider takes up to 50,000). */
        @WithDefault("5000")
        int maxRequests();

        /** A batch file is sent at the latest this long after its first request. */
        @WithDefault("60s")
        Duration maxWait();

        /** How often a submitted batch's status is asked for. */
        @WithDefault("30s")
        Duration pollInterval();
    }

    /**
     * Prices per model ({@code autoif.llm.prices."gpt-4o".input=2.50}), added to or replacing the built-in OpenAI
     * list prices ({@code PriceTable}); a model in neither has an unknown price, counted apart, never as free.
     */
    Map<String, Price> prices();

    /** US dollars per million tokens. */
    interface Price {
        double input();

        /** Defaults to the input price (no prompt-cache discount). */
        Optional<Double> cachedInput();

        double output();

        /** Fraction off for the Batch API. */
        @WithDefault("0.5")
        double batchDiscount();
    }

    interface Cache {
        /** When off, nothing is read from or written to the llm_completion table. */
        @WithDefault("true")
        boolean enabled();
    }
}
