package dev.autoif.export.api;

import dev.autoif.contracts.Violation;
import dev.autoif.export.domain.ExportParam;
import dev.autoif.export.domain.Split;
import dev.autoif.platform.http.QueryParams;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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
        return QueryParams.integer(name, value, dflt, min, max, errors);
    }

    /** The chosen responses' inclusive pass-rate bound ({@code min-pass-rate}); null: the paper's "above 0.5". */
    static Double minChosenPassRate(String value, List<Violation> errors) {
        Double bound = decimal("min-pass-rate", value, 0, 1, errors);
        if (bound != null && bound <= 0) {
            errors.add(new Violation("min-pass-rate", "must be above 0, or chosen and rejected could be equal"));
        }
        return bound;
    }

    /** One of {@code values} by its {@link ExportParam#param()}; {@code dflt} when absent. */
    static <E extends ExportParam> E choice(String name, String value, E[] values, E dflt, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        for (E e : values) {
            if (e.param().equals(value.trim())) {
                return e;
            }
        }
        errors.add(new Violation(name, "must be one of " + Arrays.stream(values).map(ExportParam::param)
                .collect(Collectors.joining(", "))));
        return dflt;
    }

    static boolean bool(String name, String value, List<Violation> errors) {
        if (value == null || value.isBlank() || value.trim().equals("false")) {
            return false;
        }
        if (value.trim().equals("true")) {
            return true;
        }
        errors.add(new Violation(name, "must be true or false"));
        return false;
    }

    /** The validation share, 0 when absent: {@code validation} in [0, 0.5]. */
    static double validation(String value, List<Violation> errors) {
        Double v = decimal("validation", value, 0, 0.5, errors);
        return v == null ? 0 : v;
    }

    static long seed(String value, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return Split.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new Violation("seed", "must be an integer"));
            return Split.DEFAULT_SEED;
        }
    }

    /** Which side of a seeded train/validation split an export holds; without {@code validation} all is train. */
    static Split split(String validation, String seed, String part, List<Violation> errors) {
        double fraction = validation(validation, errors);
        long s = seed(seed, errors);
        Split.Part p = choice("split", part, Split.Part.values(), Split.Part.TRAIN, errors);
        if (fraction == 0 && p == Split.Part.VALIDATION) {
            errors.add(new Violation("split", "validation needs a validation share (validation=0.05, for example)"));
        }
        return new Split(fraction, s, p);
    }
}
