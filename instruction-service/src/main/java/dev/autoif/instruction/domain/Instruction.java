package dev.autoif.instruction.domain;

import dev.autoif.contracts.InstructionOrigin;

/** One instruction kept after de-duplication, with its stable id. */
public record Instruction(String instructionId, String text, InstructionOrigin origin) {
}
