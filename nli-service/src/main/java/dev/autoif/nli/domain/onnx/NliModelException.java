package dev.autoif.nli.domain.onnx;

import java.nio.file.Path;

/** The configured NLI model cannot be used; the message names the path and the reason, for a fail-fast start. */
public class NliModelException extends RuntimeException {

    public NliModelException(Path path, String reason) {
        super("NLI model at " + path + ": " + reason);
    }

    public NliModelException(Path path, String reason, Throwable cause) {
        super("NLI model at " + path + ": " + reason, cause);
    }
}
