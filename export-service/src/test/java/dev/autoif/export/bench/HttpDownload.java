package dev.autoif.export.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Downloads a JSONL body as a client would, counting bytes and lines, without keeping it. */
final class HttpDownload {

    private HttpDownload() {
    }

    /** {bytes, lines} of the body; stops reading after {@code maxLines} lines (a warm-up). */
    static long[] count(URI uri, long maxLines) {
        try {
            HttpResponse<InputStream> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(res.statusCode()).as(uri.toString()).isEqualTo(200);
            long bytes = 0;
            long lines = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = res.body()) {
                int n;
                while ((n = in.read(buf)) > 0 && lines < maxLines) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return new long[] {bytes, lines};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
