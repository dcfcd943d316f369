package dev.autoif.llmsim;

import java.util.List;

/**
 * Start-up options.
 *
 * @param host address to bind (loopback by default)
 * @param port port, 0 for a free one
 * @param seed mixed into every answer, so two simulators with different seeds answer differently
 * @param apiKey when not null, requests to /v1 must carry {@code Authorization: Bearer <apiKey>}
 * @param models model ids listed by GET /v1/models (any model name is accepted in requests)
 */
public record SimulatorOptions(String host, int port, long seed, String apiKey, List<String> models) {

    public static final List<String> DEFAULT_MODELS = List.of("autoif-sim", "gpt-4o-mini", "gpt-4o");

    public SimulatorOptions {
        models = List.copyOf(models);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, 0, null, DEFAULT_MODELS);
    }

    public SimulatorOptions withPort(int p) {
        return new SimulatorOptions(host, p, seed, apiKey, models);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(host, port, s, apiKey, models);
    }

    public SimulatorOptions withApiKey(String key) {
        return new SimulatorOptions(host, port, seed, key, models);
    }

    public SimulatorOptions withHost(String h) {
        return new SimulatorOptions(h, port, seed, apiKey, models);
    }
}
