package dev.autoif.llm.http;

import dev.autoif.llm.LlmConfigurationException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The endpoint's API key. Held only in memory; {@link #toString()} never shows it. */
public final class ApiKey {

    public static final String ENV = "OPENAI_API_KEY";

    private final String value;

    private ApiKey(String value) {
        this.value = value == null || value.isBlank() ? null : value.trim();
    }

    /** Read from {@value #ENV} through {@code env} (normally {@code System::getenv}); the only source of the key. */
    public static ApiKey fromEnvironment(UnaryOperator<String> env) {
        return new ApiKey(env.apply(ENV));
    }

    /**
     * The names a caller may point a key at ({@link #fromVariable}): {@code SOMETHING_API_KEY}. Only names of that
     * shape, so a request naming a variable cannot send any other secret of the process (a database password) to
     * the endpoint it names.
     */
    public static final String VARIABLE_PATTERN = "[A-Z][A-Z0-9_]{0,62}_API_KEY";
    public static final Pattern VARIABLE = Pattern.compile(VARIABLE_PATTERN);

    /** Read from the environment variable {@code name}, which must match {@link #VARIABLE}. */
    public static ApiKey fromVariable(String name, UnaryOperator<String> env) {
        if (name == null || !VARIABLE.matcher(name).matches()) {
            throw new LlmConfigurationException("the API key variable must be named like OPENAI_API_KEY ("
                    + VARIABLE.pattern() + ")");
        }
        return new ApiKey(env.apply(name));
    }

    public static ApiKey of(String value) {
        return new ApiKey(value);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The key, or a clear error when none is configured. Called at the first request, not at startup. */
    String require() {
        if (value == null) {
            throw new LlmConfigurationException(
                    "no LLM API key: set the environment variable " + ENV + " (it is read from the environment only)");
        }
        return value;
    }

    /** Removes the key (and anything shaped like an OpenAI key) from text that is about to be logged or thrown. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = value == null ? text : text.replace(value, "***");
        return out.replaceAll("sk-[A-Za-z0-9_\\-*]{6,}", "sk-***");
    }

    public Optional<String> masked() {
        return value == null ? Optional.empty() : Optional.of("***");
    }

    @Override
    public String toString() {
        return value == null ? "ApiKey[absent]" : "ApiKey[***]";
    }
}
