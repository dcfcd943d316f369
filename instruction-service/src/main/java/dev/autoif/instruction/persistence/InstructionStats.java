package dev.autoif.instruction.persistence;

/** This service's own counts for a run: instructions kept and what function generation made of them. */
public record InstructionStats(long instructions, long seeds, long augmented, long generated, long answersRequested,
        long answersUnparsable, long functions, long cases) {

    public static final InstructionStats NONE = new InstructionStats(0, 0, 0, 0, 0, 0, 0, 0);
}
