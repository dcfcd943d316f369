package dev.autoif.platform.http;

import dev.autoif.contracts.Violation;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a request body with {@link UnknownFields} collecting, then refuses the body when it named a field no DTO
 * has: a 400 problem+json listing each unknown field with the closest known name. A misspelt parameter is never
 * silently dropped.
 */
@Provider
public class StrictBodyReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<Violation> previous = UnknownFields.begin();
        Object body;
        List<Violation> unknown;
        try {
            body = context.proceed();
        } finally {
            unknown = UnknownFields.end(previous);
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "unknown field(s): "
                    + unknown.stream().map(Violation::field).collect(Collectors.joining(", ")), unknown);
        }
        return body;
    }
}
