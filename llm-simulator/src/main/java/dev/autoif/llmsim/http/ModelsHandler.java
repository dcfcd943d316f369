package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autoif.llmsim.SimulatorOptions;
import java.io.IOException;

/** GET /v1/models in OpenAI's list shape. */
public final class ModelsHandler implements HttpHandler {

    private static final long CREATED = 1_700_000_000L;

    private final SimulatorOptions options;

    public ModelsHandler(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                Http.methodNotAllowed(ex);
                return;
            }
            if (!Auth.authorised(ex, options.apiKey())) {
                return;
            }
            ObjectNode root = Http.JSON.createObjectNode();
            root.put("object", "list");
            ArrayNode data = root.putArray("data");
            for (String id : options.models()) {
                data.addObject().put("id", id).put("object", "model").put("created", CREATED)
                        .put("owned_by", "autoif-simulator");
            }
            Http.json(ex, 200, root);
        }
    }
}
