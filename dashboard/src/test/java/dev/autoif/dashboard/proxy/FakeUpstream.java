package dev.autoif.dashboard.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A service on a loopback port that answers by path: {@code /echo} repeats method, path, query, Authorization and
 * body; {@code /problem} is a 404 problem+json; {@code /big} streams {@link #BIG_LINES} JSON lines chunked. A second
 * name points at a port nothing listens on.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    static final int BIG_LINES = 50_000;
    static final String PROBLEM_BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"no run 'nope'\"}";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            server.createContext("/", FakeUpstream::answer);
            server.start();
            return Map.of("autoif.dashboard.services.fake", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "autoif.dashboard.services.down", "http://127.0.0.1:" + closedPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        byte[] in = x.getRequestBody().readAllBytes();
        switch (path) {
            case "/problem" -> {
                x.getResponseHeaders().add("Content-Type", "application/problem+json");
                send(x, 404, PROBLEM_BODY.getBytes(StandardCharsets.UTF_8));
            }
            case "/big" -> {
                x.getResponseHeaders().add("Content-Type", "application/x-ndjson");
                x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"big.jsonl\"");
                x.sendResponseHeaders(200, 0);
                try (OutputStream out = x.getResponseBody()) {
                    for (int i = 0; i < BIG_LINES; i++) {
                        out.write(("{\"i\":" + i + ",\"pad\":\"" + "x".repeat(80) + "\"}\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            default -> {
                x.getResponseHeaders().add("Content-Type", "text/plain");
                x.getResponseHeaders().add("X-Autoif-Run-Complete", "false");
                String auth = x.getRequestHeaders().getFirst("Authorization");
                String body = x.getRequestMethod() + " " + x.getRequestURI() + " auth=" + auth + " body="
                        + new String(in, StandardCharsets.UTF_8);
                send(x, x.getRequestMethod().equals("POST") ? 201 : 200, body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
