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

    /**
     * Announces a JSON body of {@code contentLength} bytes (its Content-Length) and sends none of it: a limit of
     * gigabytes (query-service's streamed uploads) is checked on the announced size without gigabytes on the wire.
     * The server must answer at once; a server that waits for the body fails this within 30 s.
     */
    public static Answer announce(String method, String path, long contentLength) {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed in the answer's head: " + head);
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] nameValue = lines[i].split(":", 2);
                headers.put(nameValue[0].strip().toLowerCase(java.util.Locale.ROOT), nameValue[1].strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers.get("content-type"),
                    new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no answer to " + method + " " + path + " announcing " + contentLength
                    + " bytes: " + e, e);
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
