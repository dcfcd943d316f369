package dev.autoif.query.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a streamed corpus into stored queries: trims, drops empties, over-long queries, queries the upload's
 * {@link CorpusIngestFilters} remove (counted per filter) and exact duplicates, and stores the rest a batch at a time. Memory holds one batch, one record and 8-16 bytes per distinct query (its
 * fingerprint: the first 64 bits of its SHA-256; two different queries share one with odds of about 1 in 10^7 in a
 * corpus of a million, and the later one would be dropped as a duplicate), whatever the size of the input.
 */
public final class CorpusIngest implements QueryHandler {

    private final String corpusId;
    private final QueryStore store;
    private final IngestLimits limits;
    private final CorpusIngestFilters filters;
    private final Map<String, Long> filtered = new TreeMap<>();
    private final MessageDigest sha256;
    private final List<NewQuery> batch = new ArrayList<>();
    private final LongHashSet seen = new LongHashSet();
    private final List<Long> malformedLines = new ArrayList<>();
    private final List<String> malformedReasons = new ArrayList<>();
    private long nextOrdinal;
    private long read;
    private long stored;
    private long empty;
    private long duplicate;
    private long tooLong;
    private long malformed;

    /** Fills a new, empty corpus: ordinals start at 0. */
    public CorpusIngest(String corpusId, QueryStore store, IngestLimits limits) {
        this(corpusId, store, limits, CorpusIngestFilters.none());
    }

    public CorpusIngest(String corpusId, QueryStore store, IngestLimits limits, CorpusIngestFilters filters) {
        this.corpusId = corpusId;
        this.store = store;
        this.limits = limits;
        this.filters = filters;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Reads the whole input in {@code format} and stores what is usable. */
    public IngestReport ingest(InputStream in, CorpusFormat format) throws IOException {
        CorpusReader.of(format, limits.maxLineChars()).read(in, this);
        flush();
        return report();
    }

    @Override
    public void query(long line, String text) {
        read++;
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            empty++;
            return;
        }
        if (q.length() > limits.maxQueryChars()) {
            tooLong++;
            return;
        }
        String removedBy = filters.removedBy(q);
        if (removedBy != null) {
            filtered.merge(removedBy, 1L, Long::sum);
            return;
        }
        byte[] digest = sha256.digest(q.getBytes(StandardCharsets.UTF_8));
        if (!seen.add(ByteBuffer.wrap(digest).getLong())) {
            duplicate++;
            return;
        }
        batch.add(new NewQuery(nextOrdinal++, HexFormat.of().formatHex(digest), q, line));
        if (batch.size() >= limits.batchSize()) {
            flush();
        }
    }

    @Override
    public void malformed(long line, String reason) {
        read++;
        malformed++;
        if (malformedLines.size() < limits.malformedLinesReported()) {
            malformedLines.add(line);
            malformedReasons.add(reason);
        }
    }

    @Override
    public void tooLong(long line) {
        read++;
        tooLong++;
    }

    public IngestReport report() {
        return new IngestReport(read, stored, empty, duplicate, tooLong, malformed, List.copyOf(malformedLines),
                List.copyOf(malformedReasons), Map.copyOf(filtered));
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        store.insert(corpusId, List.copyOf(batch));
        stored += batch.size();
        batch.clear();
    }
}
