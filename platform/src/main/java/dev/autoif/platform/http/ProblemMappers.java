package dev.autoif.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.autoif.contracts.Violation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error a resource can raise into problem+json. Unexpected errors are logged with their stack trace
 * on the server and answered with a generic 500 body that reveals nothing.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying a 503 (the broker or the database unavailable). */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.status() == 503 ? unavailable(e.toProblem()) : respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException m ? path(m) : null;
        String detail = switch (e) {
            case UnrecognizedPropertyException u -> UnknownFields.message(u.getPropertyName(), u.getKnownPropertyIds());
            case InvalidFormatException f -> "value " + f.getValue() + " is not a valid " +
                    f.getTargetType().getSimpleName();
            case MismatchedInputException m -> "wrong type for " + (field == null || field.isEmpty() ? "the body"
                    : field) + (m.getTargetType() == null ? "" : ": expected " + describe(m.getTargetType()));
            default -> "malformed JSON: " + e.getOriginalMessage();
        };
        List<Violation> errors = field == null || field.isEmpty() ? List.of() : List.of(new Violation(field, detail));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, null, errors));
    }

    /**
     * quarkus-rest-jackson ships its own mapper for a wrong JSON type (a string where a number belongs) that answers
     * plain JSON; a user mapper for the same, more specific type wins over it.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response constraints(ConstraintViolationException e) {
        List<Violation> errors = e.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(new Problem("about:blank", "Bad Request", 400, "the request has invalid fields", null, errors));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource" : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j);
        }
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (e instanceof JsonProcessingException j) {
            return json(j);
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("the database is unavailable: %s", e.toString());
            return unavailable(Problem.of(503, "Service Unavailable",
                    "the database is unavailable; nothing was changed, retry later"));
        }
        LOG.error("unexpected error answering a request", e);
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it was logged"));
    }

    /**
     * A connection that could not be had or was lost: SQL state class 08 (the driver's connection errors, which
     * Hibernate wraps as {@code JDBCConnectionException}), a transient connection error, or an error the connection
     * pool raised itself (Agroal's acquisition timeout is a plain {@code SQLException} with no state, bounded by
     * {@code quarkus.datasource.jdbc.acquisition-timeout}).
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("io.agroal.")) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** A 503 (the broker or the database away) tells the client when to try again. */
    static Response unavailable(Problem p) {
        return Response.fromResponse(respond(p)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String describe(Class<?> type) {
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return type == boolean.class || type == Boolean.class ? "true or false" : "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "an object";
    }

    private static String path(MismatchedInputException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "submit.request.seedInstructions[1].<list element>" -> "seedInstructions[1]": method and parameter dropped. */
    private static String lastNode(String path) {
        path = path.replaceAll("\\.<[^>]+>", "");
        int i = path.indexOf('.');
        return i < 0 ? path : path.substring(path.indexOf('.', i + 1) < 0 ? i + 1 : path.indexOf('.', i + 1) + 1);
    }
}
