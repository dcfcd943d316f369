package dev.autoif.query.domain;

import dev.autoif.contracts.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Optional filters on a corpus upload, as the original code kept ShareGPT queries of 20-300 characters in English
 * ({@code minChars=20&maxChars=300&language=en}). Lengths count Unicode characters (code points) of the trimmed
 * query, bounds inclusive; the language is an ISO 639-1 code and a query is kept when it is the detector's most
 * likely language. Each removed query is counted under the first filter it fails: {@value #MIN_CHARS},
 * {@value #MAX_CHARS}, {@value #LANGUAGE}.
 *
 * @param minChars null: no lower bound
 * @param maxChars null: no upper bound (beyond the service's hard limit on query length)
 * @param language null: any language
 */
public record CorpusIngestFilters(Integer minChars, Integer maxChars, String language) {

    public static final String MIN_CHARS = "min-chars";
    public static final String MAX_CHARS = "max-chars";
    public static final String LANGUAGE = "language";

    public static CorpusIngestFilters none() {
        return new CorpusIngestFilters(null, null, null);
    }

    public CorpusIngestFilters {
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    public boolean any() {
        return minChars != null || maxChars != null || language != null;
    }

    /** What is wrong with the filters, by query parameter name; empty when they can be applied. */
    public List<Violation> violations() {
        List<Violation> errors = new ArrayList<>();
        if (minChars != null && minChars < 0) {
            errors.add(new Violation("minChars", "must be 0 or more"));
        }
        if (maxChars != null && maxChars < 1) {
            errors.add(new Violation("maxChars", "must be 1 or more"));
        }
        if (minChars != null && maxChars != null && minChars > maxChars) {
            errors.add(new Violation("maxChars", "must be at least minChars"));
        }
        if (language != null && !CorpusIngestLanguage.supported().contains(language)) {
            errors.add(new Violation("language", "must be an ISO 639-1 code the detector knows, one of "
                    + String.join(", ", CorpusIngestLanguage.supported())));
        }
        return errors;
    }

    /** The filter that removes the (trimmed, non-empty) query, or null when it passes them all. */
    String removedBy(String query) {
        int chars = query.codePointCount(0, query.length());
        if (minChars != null && chars < minChars) {
            return MIN_CHARS;
        }
        if (maxChars != null && chars > maxChars) {
            return MAX_CHARS;
        }
        if (language != null && !language.equals(CorpusIngestLanguage.guess(query))) {
            return LANGUAGE;
        }
        return null;
    }
}
