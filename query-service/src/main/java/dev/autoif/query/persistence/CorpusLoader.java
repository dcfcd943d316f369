package dev.autoif.query.persistence;

import dev.autoif.contracts.CorpusAnnounced;
import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.messaging.step.Outbox;
import dev.autoif.platform.messaging.step.OutboxRelay;
import dev.autoif.platform.messaging.step.StepOutcome;
import dev.autoif.query.api.CorpusView;
import dev.autoif.query.api.CorpusView.MalformedLine;
import dev.autoif.query.config.QueryConfig;
import dev.autoif.query.domain.CorpusFormat;
import dev.autoif.query.domain.CorpusIngest;
import dev.autoif.query.domain.CorpusIngestFilters;
import dev.autoif.query.domain.IngestLimits;
import dev.autoif.query.domain.IngestReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Streams a corpus into the database: the corpus row is created LOADING, the queries are stored batch by batch
 * (each batch its own transaction, so a large upload never holds one huge transaction), and the row turns READY with
 * its counts. An upload that yields nothing usable leaves nothing behind.
 */
@ApplicationScoped
public class CorpusLoader {

    private static final Logger LOG = Logger.getLogger(CorpusLoader.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_REASON = 300;

    private final PanacheQueryStore store;
    private final QueryConfig config;
    private final Outbox outbox;

    public CorpusLoader(PanacheQueryStore store, QueryConfig config, Outbox outbox) {
        this.store = store;
        this.config = config;
        this.outbox = outbox;
        if (config.maxQueryChars() > QueryEntity.MAX_TEXT) {
            throw new IllegalStateException("autoif.query.max-query-chars may be at most " + QueryEntity.MAX_TEXT);
        }
    }

    public static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.invalid(List.of(new Violation("id",
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")));
        }
    }

    /**
     * Stores a new corpus from {@code body}.
     *
     * @throws ProblemException 409 when the id is taken, 400 when nothing in the body is usable
     */
    public CorpusView upload(String id, Optional<CorpusFormat> format, InputStream body, String source) {
        return upload(id, format, body, source, CorpusIngestFilters.none());
    }

    /**
     * Stores a new corpus from {@code body}, keeping only the queries {@code filters} let through.
     *
     * @throws ProblemException 409 when the id is taken, 400 when the filters are invalid or nothing is usable
     */
    public CorpusView upload(String id, Optional<CorpusFormat> format, InputStream body, String source,
            CorpusIngestFilters filters) {
        checkId(id);
        List<Violation> invalid = filters.violations();
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
        CorpusFormat f;
        try {
            f = format.isPresent() ? format.get() : CorpusFormat.detect(in);
        } catch (IOException e) {
            throw ProblemException.badRequest("the upload could not be read: " + e.getMessage());
        }
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            if (CorpusEntity.findById(id) != null) {
                return false;
            }
            CorpusEntity c = new CorpusEntity();
            c.id = id;
            c.format = f.name().toLowerCase();
            c.status = CorpusEntity.Status.LOADING;
            c.source = source;
            c.createdAt = Instant.now();
            c.persist();
            return true;
        });
        if (!created) {
            throw new ProblemException(409, "Conflict", "corpus " + id + " already exists");
        }
        IngestReport report;
        try {
            report = new CorpusIngest(id, store, limits(), filters).ingest(in, f);
        } catch (IOException | RuntimeException e) {
            delete(id);
            LOG.warnf("corpus %s: upload failed and was discarded: %s", id, e.toString());
            throw ProblemException.badRequest("the upload could not be read to the end: " + e.getMessage());
        }
        if (report.stored() == 0) {
            delete(id);
            throw ProblemException.badRequest("no usable query in the upload (format " + f.name().toLowerCase()
                    + "): read " + report.read() + ", empty " + report.empty() + ", duplicate " + report.duplicate()
                    + ", too long " + report.tooLong() + ", malformed " + report.malformed()
                    + (report.filtered().isEmpty() ? "" : ", removed by filters " + report.filtered())
                    + (report.malformedLines().isEmpty() ? ""
                            : " (first at line " + report.malformedLines().getFirst() + ": "
                                    + report.malformedReasons().getFirst() + ")"));
        }
        Announced done = QuarkusTransaction.requiringNew().call(() -> {
            CorpusEntity c = CorpusEntity.findById(id);
            c.status = CorpusEntity.Status.READY;
            c.readCount = report.read();
            c.storedCount = report.stored();
            c.emptyCount = report.empty();
            c.duplicateCount = report.duplicate();
            c.tooLongCount = report.tooLong();
            c.malformedCount = report.malformed();
            c.malformed = malformedLines(report);
            c.filters = filters.any() ? filters : null;
            c.filtered = report.filtered();
            c.loadedAt = Instant.now();
            LOG.infof("corpus %s loaded from %s: %d stored of %d read%s", id, source, report.stored(), report.read(),
                    report.filtered().isEmpty() ? "" : ", removed by filters " + report.filtered());
            // READY and its announcement on the corpora topic commit together (the instruction service checks runs
            // against what was announced)
            return new Announced(view(c), outbox.write(List.of(announcement(c))));
        });
        outbox.relay(done.pending());
        return done.view();
    }

    private record Announced(CorpusView view, List<OutboxRelay.Pending> pending) {
    }

    /** Announces every READY corpus again (at start: one loaded by an older release was never announced). */
    public void announceAll() {
        List<OutboxRelay.Pending> pending = QuarkusTransaction.requiringNew().call(() -> outbox.write(
                CorpusEntity.<CorpusEntity>list("status", CorpusEntity.Status.READY).stream()
                        .map(CorpusLoader::announcement).toList()));
        outbox.relay(pending);
    }

    /** Keyed by corpus id on the compacted topic; the message id names the load, so a re-announcement is a copy. */
    private static StepOutcome.Outgoing announcement(CorpusEntity c) {
        Instant loaded = c.loadedAt == null ? c.createdAt : c.loadedAt;
        CorpusAnnounced a = new CorpusAnnounced(c.id, c.storedCount, loaded);
        String messageId = "corpus:" + c.id + ":" + loaded.toEpochMilli();
        return new StepOutcome.Outgoing(Topics.CORPORA, c.id, Envelope.of(messageId, c.id,
                MessageType.CorpusAnnounced, a));
    }

    /** True when the corpus is stored completely; a half-loaded one (a crash mid-load) is removed. */
    public boolean isLoaded(String id) {
        Optional<CorpusEntity.Status> status = QuarkusTransaction.requiringNew().call(
                () -> CorpusEntity.<CorpusEntity>findByIdOptional(id).map(c -> c.status));
        if (status.isPresent() && status.get() == CorpusEntity.Status.LOADING) {
            LOG.warnf("corpus %s was left half-loaded; loading it again", id);
            delete(id);
            return false;
        }
        return status.isPresent();
    }

    public List<CorpusView> list() {
        return QuarkusTransaction.requiringNew().call(() -> CorpusEntity.<CorpusEntity>listAll().stream()
                .map(CorpusLoader::view).toList());
    }

    public Optional<CorpusView> find(String id) {
        return QuarkusTransaction.requiringNew().call(
                () -> CorpusEntity.<CorpusEntity>findByIdOptional(id).map(CorpusLoader::view));
    }

    private void delete(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            QueryEntity.delete("corpusId", id);
            CorpusEntity.deleteById(id);
        });
    }

    private IngestLimits limits() {
        return new IngestLimits(config.maxQueryChars(), config.malformedLinesReported(), config.batchSize());
    }

    private static List<MalformedLine> malformedLines(IngestReport r) {
        List<MalformedLine> lines = new ArrayList<>();
        for (int i = 0; i < r.malformedLines().size(); i++) {
            String reason = r.malformedReasons().get(i);
            lines.add(new MalformedLine(r.malformedLines().get(i),
                    reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason));
        }
        return lines;
    }

    static CorpusView view(CorpusEntity c) {
        List<MalformedLine> malformed = c.malformed == null ? List.of() : c.malformed;
        CorpusIngestFilters filters = c.filters == null ? CorpusIngestFilters.none() : c.filters;
        Map<String, Long> filtered = c.filtered == null ? Map.of() : c.filtered;
        return new CorpusView(c.id, c.format, c.status.name(), c.source, c.readCount, c.storedCount, c.emptyCount,
                c.duplicateCount, c.tooLongCount, c.malformedCount, malformed, filters, filtered, c.createdAt,
                c.loadedAt);
    }
}
