package dev.autoif.query.domain;

/** Receives what a corpus reader finds, in file order. Line numbers are 1-based. */
public interface QueryHandler {

    /** A query candidate (not yet trimmed or filtered) found at {@code line}. */
    void query(long line, String text);

    /** A record at {@code line} that could not be read; reading goes on with the next one where the format allows. */
    void malformed(long line, String reason);

    /** A line longer than the reader's line limit; its content was skipped unread. */
    void tooLong(long line);
}
