package dev.autoif.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autoif.contracts.Violation;
import java.util.List;

/** An RFC 7807 problem document; {@code errors} names each invalid field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }
}
