package dev.autoif.contracts;

public enum NliLabel {
    ENTAILMENT,
    NEUTRAL,
    CONTRADICTION
}
