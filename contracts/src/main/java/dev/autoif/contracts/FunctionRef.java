package dev.autoif.contracts;

/** A kept verification function travelling with the samples it must check. */
public record FunctionRef(String functionId, String code) {
}
