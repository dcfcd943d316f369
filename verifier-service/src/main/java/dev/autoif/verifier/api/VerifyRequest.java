package dev.autoif.verifier.api;

import java.util.List;

/** Either {@code functions} or {@code instructionId} (its kept functions), and the responses to score. */
public record VerifyRequest(List<String> functions, String instructionId, List<String> responses) {
}
