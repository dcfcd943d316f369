package dev.autoif.instruction.api;

import dev.autoif.contracts.InstructionOrigin;

/** One instruction of a run and what function generation made of it so far. */
public record InstructionView(String instructionId, String text, InstructionOrigin origin, boolean generated,
        int answersRequested, int answersUnparsable, int functions, int cases) {
}
