package dev.autoif.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt text with {@code {{name}}} placeholders. Values are inserted verbatim and never re-scanned, so text that
 * came from an LLM or a user cannot inject placeholders. Braces that do not form {@code {{identifier}}} are plain
 * text (JSON examples in prompts stay as written).
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final String name;
    private final String text;
    private final Set<String> variables;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        Set<String> vars = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            vars.add(m.group(1));
        }
        this.variables = Collections.unmodifiableSet(vars);
    }

    /** Loads a UTF-8 template from the classpath, e.g. {@code prompts/judge/judge.txt}. */
    public static PromptTemplate load(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(path);
        if (in == null) {
            in = PromptTemplate.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalArgumentException("prompt template not found on the classpath: " + path);
        }
        try (InputStream s = in) {
            return new PromptTemplate(path, new String(s.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + path, e);
        }
    }

    public static PromptTemplate of(String name, String text) {
        return new PromptTemplate(name, text);
    }

    public String name() {
        return name;
    }

    /** The placeholder names, in order of first appearance. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * @throws IllegalArgumentException naming every placeholder without a value and every value without a
     *         placeholder (a misspelt key would otherwise silently leave the prompt incomplete)
     */
    public String render(Map<String, ?> values) {
        Set<String> missing = new TreeSet<>();
        for (String v : variables) {
            if (!values.containsKey(v) || values.get(v) == null) {
                missing.add(v);
            }
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(variables);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder msg = new StringBuilder("cannot render prompt ").append(name).append(':');
            if (!missing.isEmpty()) {
                msg.append(" missing value for ").append(missing);
            }
            if (!unknown.isEmpty()) {
                msg.append(missing.isEmpty() ? "" : ";").append(" unknown variable ").append(unknown)
                        .append(" (template has ").append(variables).append(')');
            }
            throw new IllegalArgumentException(msg.toString());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
