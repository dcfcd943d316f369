package dev.autoif.query.domain;

import java.io.IOException;
import java.io.InputStream;

/** Streams one corpus format into a {@link QueryHandler}; never holds the whole input. */
public interface CorpusReader {

    void read(InputStream in, QueryHandler handler) throws IOException;

    /** The reader for {@code format}; lines longer than {@code maxLineChars} are reported too long, unread. */
    static CorpusReader of(CorpusFormat format, int maxLineChars) {
        return switch (format) {
            case SHAREGPT -> new ShareGptReader();
            case JSONL -> new JsonlReader(maxLineChars);
            case TEXT -> new TextReader(maxLineChars);
        };
    }
}
