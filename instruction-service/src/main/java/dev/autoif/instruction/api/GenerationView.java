package dev.autoif.instruction.api;

/**
 * This service's own account of a run: instructions kept after self-instruct (seeds and augmented), how many have
 * their candidate published, and the verification-function answers asked for, unparsable, and kept.
 */
public record GenerationView(long instructions, long seeds, long augmented, long generated, long answersRequested,
        long answersUnparsable, long functions, long cases) {
}
