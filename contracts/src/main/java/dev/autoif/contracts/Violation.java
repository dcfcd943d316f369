package dev.autoif.contracts;

/** One invalid field of a record, named by its JSON path. */
public record Violation(String field, String message) {
}
