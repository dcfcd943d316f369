package dev.autoif.testinfra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sends malformed, mistyped, unknown-field, oversized and out-of-range input to every operation the service's own
 * OpenAPI document ({@code /q/openapi}) lists: no answer may be a 5xx, every error answer must be problem+json, and
 * {@link #storedRows()} must be unchanged afterwards (nothing bad was stored). A service's test extends this class
 * and carries {@code @QuarkusTest}.
 */
public abstract class ApiFuzzContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Path parameters: empty-ish, too long, outside the id alphabet, traversal, a well-formed id nobody has. */
    static final List<String> BAD_IDS = List.of("%20", "a".repeat(129), "x%27%3B%20drop%20table", "..%2F..%2Fetc",
            "%F0%9F%92%A5", "%00", "unknown-" + Long.toHexString(System.nanoTime()));

    /** Query parameter values: mistyped, out of range, huge, empty, unicode. */
    static final List<String> BAD_VALUES = List.of("abc", "-1", "-99999999999999999999", "1e309", "NaN", "0.5e",
            "", "%00", "true", "a".repeat(3000), "%F0%9F%92%A5");

    /** Request bodies: malformed, wrong top-level type, unknown fields, mistyped fields, nulls. */
    static final List<String> BAD_BODIES = List.of("{", "{\"name\": ", "[]", "[1, 2]", "42", "\"text\"", "null",
            "{\"unknownField\": 1}", "{\"name\": 5, \"parameters\": \"x\"}", "{\"name\": null}",
            "{\"name\": \"x\", \"parameters\": {\"seed\": 1.5e400, \"judgeTreshold\": {}}}",
            "{\"name\": \"x\", \"parameters\": {\"selfInstructRounds\": -1, \"seed\": \"1\"}}",
            "{\"name\": \"x\", \"seedInstructions\": [null, 3, {}]}", "\u0000\u0001\u0002", "{\"a\": \"\\ud800\"}");

    /** The bodies sent to every operation that takes one; a service whose bodies are free text narrows them. */
    protected List<String> badBodies() {
        return BAD_BODIES;
    }

    /** Rows of everything a request could store, summed; must not change under fuzzing. */
    protected abstract long storedRows();

    /**
     * Bytes over the service's {@code quarkus.http.limits.max-body-size}, sent once with a Content-Length and once
     * chunked, or only announced (see {@link #sendsOversizedBody()}); 0 skips the check. Every operation also gets a
     * URI longer than the platform's 4096 characters ({@code autoif.http.max-uri-length}).
     */
    protected long oversizedBody() {
        return 11L * 1024 * 1024;
    }

    /**
     * False for a limit of gigabytes (query-service's streamed uploads): the oversized body is only announced, a
     * Content-Length past the limit with nothing sent, and must be refused on that alone.
     */
    protected boolean sendsOversizedBody() {
        return true;
    }

    /** Operations the contract must find in the OpenAPI document (guards against an empty document). */
    protected abstract List<String> expectedOperations();

    @Test
    void everyEndpointRefusesBadInputWithProblemJsonAndStoresNothing() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations.stream().map(Operation::toString).toList()).containsAll(expectedOperations())
                .as("every service's dead-letter endpoints").containsAll(List.of("GET /admin/dead-letters",
                        "GET /admin/dead-letters/{topic}", "POST /admin/dead-letters/{topic}/replay"));
        long before = storedRows();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            for (String id : BAD_IDS) {
                requests++;
                check(failures, op, "id " + id, op.request(id).when().request(op.method(), op.url(id)));
            }
            String id = "fuzz-" + Long.toHexString(System.nanoTime());
            requests++;
            Response longUri = op.request(id).when().request(op.method(), op.url(id) + "?q=" + "a".repeat(10_000));
            check(failures, op, "overlong URI", longUri);
            if (longUri.statusCode() != 414 && longUri.statusCode() != 400) {
                failures.add(op + " overlong URI: expected 414 or 400, got " + longUri.statusCode());
            }
            for (String param : op.queryParams()) {
                for (String value : BAD_VALUES) {
                    requests++;
                    check(failures, op, param + "=" + abbreviate(value), op.request(id).queryParam(param, value)
                            .when().request(op.method(), op.url(id)));
                }
            }
            if (op.hasBody()) {
                for (String body : badBodies()) {
                    requests++;
                    check(failures, op, "body " + abbreviate(body), op.request(id).contentType("application/json")
                            .body(body).when().request(op.method(), op.url(id)));
                }
                if (oversizedBody() <= 0) {
                    continue;
                }
                for (String how : sendsOversizedBody() ? List.of("", "chunked ") : List.of("announced ")) {
                    requests++;
                    StreamedRequest.Answer big = how.equals("announced ")
                            ? StreamedRequest.announce(op.method(), op.url(id), oversizedBody())
                            : StreamedRequest.send(op.method(), op.url(id), "{\"name\": \"", oversizedBody(),
                                    how.equals("chunked "));
                    if (big.status() != 413 || !String.valueOf(big.contentType())
                            .startsWith("application/problem+json")) {
                        failures.add(op + " oversized " + how + "body: expected 413 problem+json, got "
                                + big.status() + " " + big.contentType());
                    }
                }
            }
        }
        System.out.printf("API fuzz: %d operations, %d requests, %d failures%n", operations.size(), requests,
                failures.size());
        assertThat(failures).isEmpty();
        assertThat(storedRows()).as("rows stored by bad requests").isEqualTo(before);
    }

    /** Outside the service's operations: an unknown route, a wrong method, an overlong URI. */
    @Test
    void unknownRoutesAndOverlongUrisAreProblemJson() {
        List<String> failures = new ArrayList<>();
        Operation none = new Operation("GET", "/no-such-route", List.of(), false);
        check(failures, none, "unknown route", none.request("").when().get("/no-such-route"));
        check(failures, none, "unknown route", none.request("").contentType("application/json").body("{}").when()
                .post("/no-such-route/x"));
        Response longUri = none.request("").when().get("/no-such-route?q=" + "a".repeat(10_000));
        check(failures, none, "overlong URI", longUri);
        assertThat(longUri.statusCode()).as("an overlong URI").isEqualTo(414);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, Operation op, String input, Response r) {
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(op + " " + input + ": " + status + " " + abbreviate(r.asString()));
        } else if (status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(op + " " + input + ": " + status + " without problem+json (" + r.contentType() + ")");
        } else if (status < 400 && op.method().equals("POST")) {
            failures.add(op + " " + input + ": accepted with " + status);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static List<Operation> operations() throws Exception {
        JsonNode doc = JSON.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                    continue;
                }
                Map<String, String> query = new LinkedHashMap<>();
                for (JsonNode p : m.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        query.put(p.path("name").asText(), p.path("schema").path("type").asText());
                    }
                }
                ops.add(new Operation(m.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(query.keySet()), m.getValue().has("requestBody")));
            }
        }
        return ops;
    }

    record Operation(String method, String path, List<String> queryParams, boolean hasBody) {

        RequestSpecification request(String id) {
            return given().urlEncodingEnabled(false).redirects().follow(false);
        }

        String url(String id) {
            return path.replaceAll("\\{[^}]+}", id);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
