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

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException m ? path(m) : null;
        String detail = switch (e) {
            case UnrecognizedPropertyException u -> "unknown field '" + u.getPropertyName() + "'";
            case InvalidFormatException f -> "value " + f.getValue() + " is not a valid " +
                    f.getTargetType().getSimpleName();
            case MismatchedInputException m -> "wrong type for " + (field == null ? "the body" : field);
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
        LOG.error("unexpected error answering a request", e);
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it was logged"));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(MismatchedInputException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String path) {
        int i = path.indexOf('.');
        return i < 0 ? path : path.substring(path.indexOf('.', i + 1) < 0 ? i + 1 : path.indexOf('.', i + 1) + 1);
    }
}
