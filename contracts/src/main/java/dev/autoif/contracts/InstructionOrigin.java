package dev.autoif.contracts;

public enum InstructionOrigin {
    SEED,
    AUGMENTED
}
