package dev.autoif.export.api;

import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Threshold;
import dev.autoif.contracts.Violation;
import dev.autoif.export.persistence.SampleQuery;
import dev.autoif.export.persistence.SampleQuery.Filter;
import dev.autoif.export.persistence.SampleQuery.Outcome;
import dev.autoif.export.persistence.SampleQuery.Row;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import dev.autoif.platform.http.QueryParams;
import dev.autoif.platform.http.ResourceId;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A run's samples for people: every sampled response with its pass rate, judgement and why it was not kept. */
@Path("/runs/{id}/samples")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SampleResource {

    static final int MAX_LIMIT = 500;
    static final int MAX_TEXT = 200;

    /**
     * One sampled response. {@code reason}: {@code kept}, {@code below-judge-threshold}, {@code unscored} (the judge's
     * answer did not parse), {@code below-pass-rate} (rejection sampling dropped it) or {@code not-judged-yet}.
     * {@code instruction} and {@code query} are the texts the prompt joins (null on rows stored before they were kept).
     */
    public record SampleView(String responseId, String sampleId, int attempt, String instructionId, String queryId,
            String instruction, String query, String prompt, String response, double passRate, Double score, String analysis, boolean kept,
            String reason) {
    }

    /** One page, in export order (instruction, query, sample, attempt, response index). */
    public record SamplePage(List<SampleView> items, int offset, int limit, long total) {
    }

    private final RunLookup runs;
    private final SampleQuery samples;

    public SampleResource(RunLookup runs, SampleQuery samples) {
        this.runs = runs;
        this.samples = samples;
    }

    @GET
    @Operation(summary = "A page of the run's sampled responses, filtered in the database",
            description = "Every verified response (passing or not) with its pass rate and, once judged, the judge's"
                    + " score and analysis, whether it was kept and otherwise why not.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SamplePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter out of bounds, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Nothing of the run reached this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SamplePage list(@PathParam("id") @ResourceId String runId,
            @QueryParam("outcome") @Parameter(description = "all (default), kept or dropped") String outcome,
            @QueryParam("q") @Parameter(description = "case-insensitive text in the prompt or the response, at most "
                    + MAX_TEXT + " characters") String text,
            @QueryParam("instruction") @Parameter(description = "only this instruction id") String instructionId,
            @QueryParam("offset") @Parameter(description = "rows to skip, default 0") String offset,
            @QueryParam("limit") @Parameter(description = "1 to " + MAX_LIMIT + ", default 50") String limit) {
        List<Violation> errors = new ArrayList<>();
        Outcome o = outcome(outcome, errors);
        QueryParams.text("q", text, MAX_TEXT, errors);
        QueryParams.id("instruction", instructionId, errors);
        int from = Params.integer("offset", offset, 0, 0, 100_000_000, errors);
        int size = Params.integer("limit", limit, 50, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<RunSpec> spec = runs.require(runId);
        Optional<Threshold> passRate = spec.map(s -> s.parameters().responsePassRate());
        Filter filter = new Filter(o, blankToNull(text), blankToNull(instructionId));
        List<SampleView> items = samples.page(runId, filter, from, size).stream()
                .map(r -> view(r, passRate)).toList();
        return new SamplePage(items, from, size, samples.count(runId, filter));
    }

    static SampleView view(Row r, Optional<Threshold> passRate) {
        boolean kept = Boolean.TRUE.equals(r.kept());
        String reason;
        if (r.responseId() != null) {
            reason = kept ? "kept" : JudgeStatus.UNSCORED.name().equals(r.status()) ? "unscored"
                    : "below-judge-threshold";
        } else if (passRate.isPresent() && !passRate.get().accepts(r.passRate())) {
            reason = "below-pass-rate";
        } else {
            reason = "not-judged-yet";
        }
        return new SampleView(r.sampleId() + "|r" + r.responseIndex(), r.sampleId(), r.attempt(), r.instructionId(),
                r.queryId(), r.instruction(), r.query(), r.prompt(), r.response(), r.passRate(), r.score(), r.analysis(), kept, reason);
    }

    private static Outcome outcome(String value, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return Outcome.ALL;
        }
        return switch (value.trim()) {
            case "all" -> Outcome.ALL;
            case "kept" -> Outcome.KEPT;
            case "dropped" -> Outcome.DROPPED;
            default -> {
                errors.add(new Violation("outcome", "must be one of all, kept, dropped"));
                yield Outcome.ALL;
            }
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
