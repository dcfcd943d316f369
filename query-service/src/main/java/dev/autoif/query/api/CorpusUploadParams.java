package dev.autoif.query.api;

import dev.autoif.query.domain.CorpusIngestFilters;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of a corpus upload, validated declaratively before the body is read. Numbers arrive as text
 * so a malformed one is a 400 naming the parameter (JAX-RS would answer 404 for a value it cannot convert).
 */
public class CorpusUploadParams {

    @QueryParam("id")
    @Parameter(description = "the new corpus' id (generated when absent)")
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
            message = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    public String id;

    @QueryParam("format")
    @Parameter(description = "sharegpt, jsonl or text; detected from the first character when absent")
    @Pattern(regexp = "(?i)sharegpt|jsonl|text", message = "must be sharegpt, jsonl or text")
    public String format;

    @QueryParam("minChars")
    @Parameter(description = "drop queries shorter than this (characters, after trimming)")
    @Pattern(regexp = "\\s*\\d{1,9}\\s*", message = "must be a whole number from 0 to 999999999")
    public String minChars;

    @QueryParam("maxChars")
    @Parameter(description = "drop queries longer than this")
    @Pattern(regexp = "\\s*\\d{1,9}\\s*", message = "must be a whole number from 0 to 999999999")
    public String maxChars;

    @QueryParam("language")
    @Parameter(description = "ISO 639-1 code: keep only queries detected as this language")
    @Pattern(regexp = "[A-Za-z]{2,3}", message = "must be an ISO 639-1 code")
    public String language;

    /** The filters asked for; their cross-field rules are {@link CorpusIngestFilters#violations()}. */
    CorpusIngestFilters filters() {
        return new CorpusIngestFilters(number(minChars), number(maxChars), language);
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }
}
