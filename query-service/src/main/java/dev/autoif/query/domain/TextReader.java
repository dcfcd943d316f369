package dev.autoif.query.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Plain text, one query per line. Blank lines reach the handler (and are counted as empty there). */
final class TextReader implements CorpusReader {

    private final int maxLineChars;

    TextReader(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    @Override
    public void read(InputStream in, QueryHandler handler) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                maxLineChars);
        for (BoundedLineReader.Line l = lines.next(); l != null; l = lines.next()) {
            if (l.truncated()) {
                handler.tooLong(l.number());
            } else {
                handler.query(l.number(), stripBom(l));
            }
        }
    }

    private static String stripBom(BoundedLineReader.Line l) {
        String t = l.text();
        return l.number() == 1 && t.startsWith("\uFEFF") ? t.substring(1) : t;
    }
}
