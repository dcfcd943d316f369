package dev.autoif.instruction.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The project's default seed instructions, used when a run spec has none. */
@ApplicationScoped
public class DefaultSeeds {

    private final InstructionConfig config;
    private volatile List<String> seeds;

    public DefaultSeeds(InstructionConfig config) {
        this.config = config;
    }

    public List<String> get() {
        List<String> s = seeds;
        if (s == null) {
            s = load(config.defaultSeeds());
            seeds = s;
        }
        return s;
    }

    /** Non-blank lines that are not '#' comments, trimmed. */
    static List<String> load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("default seed instructions not found on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
