package dev.autoif.llmsim.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The optional bearer-key check of the /v1 endpoints, answering 401 in OpenAI's shape. */
final class Auth {

    private Auth() {
    }

    /** True when no key is configured or the request carries it; otherwise answers 401 and returns false. */
    static boolean authorised(HttpExchange ex, String apiKey) throws IOException {
        if (apiKey == null || apiKey.isEmpty()) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + apiKey;
        if (header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        Http.error(ex, 401, header == null
                        ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth."
                        : "Incorrect API key provided.",
                "invalid_request_error", "invalid_api_key");
        return false;
    }
}
