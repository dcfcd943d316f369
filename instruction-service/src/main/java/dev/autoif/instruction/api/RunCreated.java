package dev.autoif.instruction.api;

/** The answer to a submitted run; its Location header points at the run. */
public record RunCreated(String runId, String status) {
}
