package dev.autoif.platform.http;

import dev.autoif.contracts.Violation;
import java.util.List;

/**
 * Checks of free-form query parameters a resource reads by hand, before any query: an id must match
 * {@link ResourceId#PATTERN}; a search text must be short and carry no control characters (PostgreSQL text cannot
 * hold NUL, and no search needs the others).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** Adds a violation when a present {@code value} is not an id. */
    public static void id(String name, String value, List<Violation> errors) {
        if (value != null && !value.isBlank() && !value.matches(ResourceId.PATTERN)) {
            errors.add(new Violation(name, "must be 1 to 128 letters, digits, '.', '_', ':', '|' or '-'"));
        }
    }

    /** Adds a violation when a present search {@code value} is too long or holds a control character. */
    public static void text(String name, String value, int maxChars, List<Violation> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > maxChars) {
            errors.add(new Violation(name, "must be at most " + maxChars + " characters"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            errors.add(new Violation(name, "must not contain control characters"));
        }
    }

    /**
     * An integer query parameter read as text ({@code dflt} when absent), so a malformed value is a 400 naming the
     * parameter (JAX-RS answers 404 for a value it cannot convert).
     */
    public static int integer(String name, String value, int dflt, int min, int max, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(value.trim());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Violation(name, "must be an integer from " + min + " to " + max));
        return dflt;
    }
}
