package dev.autoif.export.api;

import dev.autoif.contracts.RunSpec;
import dev.autoif.export.domain.ExportCounts;
import dev.autoif.export.domain.FunnelReport;
import dev.autoif.export.domain.LiveCounts;
import dev.autoif.export.persistence.ExportReader;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.platform.progress.ProgressLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Finds a run (404 when nothing of it reached this service) and whether it is complete. */
@ApplicationScoped
public class RunLookup {

    /** Response header telling a client whether the export holds the whole run or what is done so far. */
    public static final String COMPLETE_HEADER = "X-Autoif-Run-Complete";

    private final RunSpecs runSpecs;
    private final ProgressLedger totals;
    private final ExportReader reader;
    private final LiveCounts liveCounts = new LiveCounts();

    public RunLookup(RunSpecs runSpecs, ProgressLedger totals, ExportReader reader) {
        this.runSpecs = runSpecs;
        this.totals = totals;
        this.reader = reader;
    }

    /** The run's spec if known; throws 404 when neither a spec nor any row or progress of the run is here. */
    public Optional<RunSpec> require(String runId) {
        Optional<RunSpec> spec = runSpecs.find(runId);
        if (spec.isEmpty() && !reader.holdsAnything(runId) && !totals.holds(runId)) {
            throw ProblemException.notFound("run", runId);
        }
        return spec;
    }

    public boolean complete(String runId) {
        return totals.funnel(runId).done();
    }

    /**
     * The funnel with this service's counts: counted afresh once the run is done, and while it runs reused for a
     * while after an expensive count (see {@link LiveCounts}).
     */
    public FunnelReport report(String runId, Optional<RunSpec> spec) {
        var funnel = totals.funnel(runId);
        ExportCounts counts;
        if (funnel.done()) {
            liveCounts.forget(runId);
            counts = reader.counts(runId);
        } else {
            counts = liveCounts.get(runId, () -> reader.counts(runId));
        }
        return FunnelReport.of(runId, spec, funnel, counts);
    }

    /** A file name safe in a Content-Disposition header whatever the run id holds. */
    public static String fileName(String runId, String kind) {
        return "autoif-" + runId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + kind;
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
