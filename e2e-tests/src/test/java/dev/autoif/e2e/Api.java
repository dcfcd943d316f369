package dev.autoif.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small JSON-over-HTTP client for the services' public endpoints; any status but the expected one fails. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
    }

    /** A download (JSONL exports answer application/x-ndjson). */
    Reply download(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "*/*").GET());
    }

    Reply getText(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain").GET());
    }

    Reply post(String url, Object body) {
        return withBody("POST", url, body);
    }

    Reply patch(String url, Object body) {
        return withBody("PATCH", url, body);
    }

    private Reply withBody(String method, String url, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code POST /runs}, waiting while instruction-service does not know the corpus yet (422): query-service
     * announces its corpora on a topic after it starts, so right after start-up the first submission can overtake
     * the announcement.
     */
    Reply submitRun(String url, Object body) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (true) {
            Reply r = post(url, body);
            if (r.status() != 422 || !r.body().contains("corpus") || System.nanoTime() > deadline) {
                return r;
            }
            Stack.sleep(500);
        }
    }

    JsonNode expect(Reply r, int status, String what) {
        if (r.status() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + " but got " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    /** A JSONL body as parsed lines; a line that is not a JSON object fails with its number. */
    static List<JsonNode> jsonLines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        String[] raw = body.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty() && i == raw.length - 1) {
                break;
            }
            try {
                JsonNode n = JSON.readTree(raw[i]);
                if (n == null || !n.isObject()) {
                    throw new AssertionError("line " + (i + 1) + " is not a JSON object: " + raw[i]);
                }
                lines.add(n);
            } catch (IOException e) {
                throw new AssertionError("line " + (i + 1) + " is not JSON: " + raw[i], e);
            }
        }
        return lines;
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("HTTP failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
