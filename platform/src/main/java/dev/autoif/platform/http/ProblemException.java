package dev.autoif.platform.http;

import dev.autoif.contracts.Violation;
import java.util.List;

/** Thrown by resources to answer with a problem+json body; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Violation> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not Found", what + " " + id + " does not exist");
    }

    public static ProblemException invalid(List<Violation> errors) {
        return new ProblemException(400, "Bad Request", "the request has " + errors.size() + " invalid field(s)",
                errors);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
