package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autoif.llmsim.Stats;
import java.io.IOException;

/**
 * GET /stats, POST /stats/reset (the reset also forgets retry attempts) and POST /stats/reset-peak (the peak of
 * requests in flight starts again from the requests in flight now; nothing else changes).
 */
public final class StatsHandler implements HttpHandler {

    private final Stats stats;
    private final Runnable onReset;

    public StatsHandler(Stats stats, Runnable onReset) {
        this.stats = stats;
        this.onReset = onReset;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/stats/reset") && method.equals("POST")) {
                onReset.run();
                Http.noContent(ex);
            } else if (path.equals("/stats/reset-peak") && method.equals("POST")) {
                stats.resetPeaks();
                Http.noContent(ex);
            } else if (path.equals("/stats") && method.equals("GET")) {
                Http.json(ex, 200, toJson(stats.snapshot()));
            } else if (path.equals("/stats") || path.equals("/stats/reset") || path.equals("/stats/reset-peak")) {
                Http.methodNotAllowed(ex);
            } else {
                Http.error(ex, 404, "No such path: " + path, "invalid_request_error", null);
            }
        }
    }

    public static ObjectNode toJson(Stats.Snapshot s) {
        ObjectNode root = Http.JSON.createObjectNode();
        root.set("total", counters(s.total()));
        ObjectNode by = root.putObject("byKind");
        s.byKind().forEach((k, c) -> by.set(k.wireName(), counters(c)));
        ObjectNode batch = root.putObject("batch");
        batch.put("files", s.batch().files());
        batch.put("batches", s.batch().batches());
        batch.put("lines", s.batch().lines());
        return root;
    }

    private static ObjectNode counters(Stats.Counters c) {
        ObjectNode o = Http.JSON.createObjectNode();
        o.put("requests", c.requests());
        o.put("choices", c.choices());
        o.put("promptTokens", c.promptTokens());
        o.put("completionTokens", c.completionTokens());
        o.put("totalTokens", c.totalTokens());
        ObjectNode f = o.putObject("faults");
        c.faults().forEach(f::put);
        o.put("rateLimited", c.rateLimited());
        o.put("inFlight", c.inFlight());
        o.put("peakInFlight", c.peakInFlight());
        return o;
    }
}
