package dev.autoif.query.domain;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but never holds more than {@code maxChars} of one line:
 * a hostile upload with one gigantic line must not exhaust the heap. The rest of an over-long line is skipped and
 * the line is flagged.
 */
public final class BoundedLineReader {

    /** One line; {@code truncated} when it was longer than the limit (text holds its first maxChars chars). */
    public record Line(long number, String text, boolean truncated) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int end;
    private long number;
    private boolean pendingCr;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator (\n, \r\n or \r), or null at the end of input. */
    public Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean truncated = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    return new Line(++number, sb.toString(), truncated);
                }
            }
            char c = buf[pos++];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue; // second half of \r\n
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                return new Line(++number, sb.toString(), truncated);
            }
            if (sb.length() < maxChars) {
                sb.append(c);
            } else {
                truncated = true;
            }
        }
    }
}
