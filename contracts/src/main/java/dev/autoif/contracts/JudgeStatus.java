package dev.autoif.contracts;

public enum JudgeStatus {
    SCORED,
    /** The judge's answer could not be parsed, even after a retry. */
    UNSCORED
}
