package dev.autoif.testinfra;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A request whose large body is streamed, never held in memory, either with its Content-Length or chunked (no
 * Content-Length, which REST Assured cannot send: the server learns the size only while reading, so a limit must hold
 * as the body arrives).
 */
public final class StreamedRequest {

    private StreamedRequest() {
    }

    /** The answer: status, Content-Type (null when none) and body. */
    public record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends {@code prefix} followed by {@code fillBytes} bytes of 'a' as a JSON body to the test's application
     * ({@link RestAssured#port}), chunked or with its Content-Length.
     */
    public static Answer send(String method, String path, String prefix, long fillBytes, boolean chunked) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                new ByteArrayInputStream(head), filler(fillBytes)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", "application/json").method(method, chunked ? body
                        : HttpRequest.BodyPublishers.fromPublisher(body, head.length + fillBytes)).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to a chunked " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static InputStream filler(long bytes) {
        return new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }
}
