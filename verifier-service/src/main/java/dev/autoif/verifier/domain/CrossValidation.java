package dev.autoif.verifier.domain;

import dev.autoif.contracts.InstructionVerified;
import java.util.Map;

/**
 * The outcome of cross-validating one instruction.
 *
 * @param verified the surviving instruction, or null when it was dropped
 * @param dropReason why the instruction was dropped ({@code no-cases}, {@code no-compiling-function},
 *        {@code unsupported-import}, {@code too-few-cases}, {@code too-few-functions}), or null when kept
 * @param functionDrops functions dropped inside the instruction, by reason ({@code function-unsupported-import},
 *        {@code function-syntax-error}, {@code function-accuracy}, ...)
 * @param report every function's verdicts and fate and every case's accuracy, kept or dropped
 */
public record CrossValidation(InstructionVerified verified, String dropReason, Map<String, Long> functionDrops,
        CrossValidationReport report) {
    public boolean kept() {
        return verified != null;
    }
}
