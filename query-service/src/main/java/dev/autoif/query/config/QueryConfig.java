package dev.autoif.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The query service's own settings ({@code autoif.query.*}). */
@ConfigMapping(prefix = "autoif.query")
public interface QueryConfig {

    /** Queries longer than this (characters, after trimming) are dropped as too long. At most 65535. */
    @WithDefault("8000")
    int maxQueryChars();

    /** How many malformed line numbers (with reasons) an upload report lists; all are counted. */
    @WithDefault("20")
    int malformedLinesReported();

    /** Queries stored per database transaction while a corpus streams in. */
    @WithDefault("1000")
    int batchSize();

    /** Corpora loaded at start-up, by corpus id; a corpus already loaded completely is left as it is. */
    Map<String, CorpusSource> corpora();

    /** How long sampling waits for a corpus that is still loading before it drops the instruction. */
    @WithDefault("2m")
    Duration corpusLoadWait();

    interface CorpusSource {
        /** A file path, or {@code classpath:<resource>} for a corpus shipped inside the service. */
        String path();

        /** sharegpt, jsonl or text; detected from the content when absent. */
        Optional<String> format();
    }
}
