package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** JSON in and out of the JDK HTTP server, and errors in OpenAI's shape. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static JsonNode readJson(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(body);
    }

    /** The JSON body, or null after answering 400 in the provider's words when it does not parse. */
    static JsonNode readJsonOrRefuse(HttpExchange ex) throws IOException {
        try {
            return readJson(ex);
        } catch (IOException e) {
            error(ex, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
            return null;
        }
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void noContent(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    /** {@code {"error": {"message", "type", "param", "code"}}} as the OpenAI API writes it. */
    static void error(HttpExchange ex, int status, String message, String type, String code) throws IOException {
        json(ex, status, errorBody(message, type, code));
    }

    static ObjectNode errorBody(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return root;
    }

    static void methodNotAllowed(HttpExchange ex) throws IOException {
        error(ex, 405, "Method " + ex.getRequestMethod() + " not allowed on " + ex.getRequestURI().getPath(),
                "invalid_request_error", null);
    }
}
