package dev.autoif.export.api;

import dev.autoif.contracts.Violation;
import java.util.List;

/**
 * Query parameters read as text and checked here, so a malformed value answers 400 with the parameter's name
 * (JAX-RS would answer 404 for a value it cannot convert).
 */
final class Params {

    private Params() {
    }

    static Double decimal(String name, String value, double min, double max, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Violation(name, "must be a number from " + min + " to " + max));
        return null;
    }

    static int integer(String name, String value, int dflt, int min, int max, List<Violation> errors) {
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
