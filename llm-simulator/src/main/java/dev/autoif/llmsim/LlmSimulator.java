package dev.autoif.llmsim;

import com.sun.net.httpserver.HttpServer;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.http.AdminHandler;
import dev.autoif.llmsim.http.BatchApi;
import dev.autoif.llmsim.http.ChatCompletionsHandler;
import dev.autoif.llmsim.http.ModelsHandler;
import dev.autoif.llmsim.http.StatsHandler;
import dev.autoif.llmsim.play.ModelPlayer;
import dev.autoif.llmsim.prompt.PromptRecognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible server that plays the AutoIF supervision model. Start it embedded with
 * {@link #start(SimulatorOptions)} (port 0 = a free port) or standalone with {@link Main}.
 */
public final class LlmSimulator implements AutoCloseable {

    private final SimulatorOptions options;
    private final Settings settings = new Settings();
    private final Stats stats = new Stats();
    private final HttpServer server;
    private final ExecutorService executor;
    private final ChatCompletionsHandler chat;

    private LlmSimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        this.chat = new ChatCompletionsHandler(options, settings, stats, new PromptRecognizer(),
                new ModelPlayer(Catalogue.standard()));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        // One virtual thread per exchange: latency and slow faults sleep without holding platform threads.
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", chat);
        server.createContext("/v1/models", new ModelsHandler(options));
        BatchApi batches = new BatchApi(options, settings, stats, chat);
        server.createContext("/v1/files", batches.filesHandler());
        server.createContext("/v1/batches", batches.batchesHandler());
        server.createContext("/stats", new StatsHandler(stats, this::resetStats));
        server.createContext("/admin", new AdminHandler(settings));
        server.start();
    }

    public static LlmSimulator start(SimulatorOptions options) {
        try {
            return new LlmSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the LLM simulator on " + options.host() + ":" + options.port(), e);
        }
    }

    /** Loopback, a free port, seed 0, no API key. */
    public static LlmSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The OpenAI base URL, ending in /v1 (what {@code quarkus.langchain4j.openai.base-url} wants). */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port() + "/v1";
    }

    /** The root, for /stats and /admin. */
    public String rootUrl() {
        return "http://" + hostForUrl() + ":" + port();
    }

    private String hostForUrl() {
        String h = options.host();
        return h.equals("0.0.0.0") ? "127.0.0.1" : h.contains(":") ? "[" + h + "]" : h;
    }

    public SimulatorOptions options() {
        return options;
    }

    /** Live settings: fault and behaviour rates, latency, rate limits, the batch delay. Changes apply to the next request. */
    public Settings settings() {
        return settings;
    }

    public Stats stats() {
        return stats;
    }

    /** Zeroes the counters and forgets retry attempts (transport-fault draws start over). */
    public void resetStats() {
        stats.reset();
        chat.forgetAttempts();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
