package dev.autoif.export.domain;

/** A stored instruction-level case pair. */
public record CasePair(String instructionId, int pairIndex, String instruction, String chosen, String rejected) {
}
